// GET / (and /inbox): the messages of each number, shown like a phone's conversation view.
import type { Database } from "@inps-sim/db";
import type { Clock } from "@inps-sim/domain";
import { escapeHtml as e } from "../html.ts";
import { listConversations, listMessages, toView, type SmsMessage } from "./store.ts";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;display:flex;height:100vh;background:#f3f4f6;color:#111}
nav{width:300px;overflow:auto;background:#fff;border-right:1px solid #ddd}
nav h1{font-size:1.1rem;padding:1rem;margin:0;border-bottom:1px solid #ddd}
nav a{display:block;padding:.75rem 1rem;border-bottom:1px solid #eee;color:inherit;text-decoration:none}
nav a.current{background:#e0ecff}
nav small,.meta{color:#666;font-size:.75rem}
main{flex:1;overflow:auto;padding:1rem 2rem}
.bubble{max-width:34rem;background:#fff;border-radius:1rem;padding:.6rem .9rem;margin:.6rem 0;box-shadow:0 1px 2px #0002}
.bubble p{margin:0 0 .3rem;white-space:pre-wrap;overflow-wrap:anywhere}
.failed{background:#fde8e8}.queued{opacity:.7}
.empty{color:#666;margin-top:3rem}
`;

function bubble(m: SmsMessage): string {
  const reason = m.failureReason ? ` (${e(m.failureReason)})` : "";
  return `<div class="bubble ${e(m.status)}" id="${e(m.id)}"><p>${e(m.text)}</p>
<div class="meta">from ${e(m.from)} · ${e(m.createdAt)} · ${e(m.status)}${reason} · ${e(m.encoding)}, ${m.segments} part${m.segments === 1 ? "" : "s"}</div></div>`;
}

export async function renderInbox(db: Database, clock: Clock, selected: string | undefined): Promise<string> {
  const conversations = await listConversations(db, 500);
  const current = selected ?? conversations[0]?.to;
  const now = clock.now();
  // Oldest at the top, newest at the bottom, as a phone shows a conversation.
  const thread = current ? (await listMessages(db, { to: current, limit: 500 })).map((r) => toView(r, now)).reverse() : [];
  const nav = conversations
    .map(
      (conv) =>
        `<a href="/inbox?to=${encodeURIComponent(conv.to)}"${conv.to === current ? ' class="current"' : ""}>${e(conv.to)}<br><small>${conv.count} message${conv.count === 1 ? "" : "s"} · last ${e(conv.lastAt.toISOString())}</small></a>`,
    )
    .join("\n");
  const body = current
    ? `<h2>${e(current)}</h2>\n${thread.map(bubble).join("\n") || '<p class="empty">No messages for this number.</p>'}`
    : '<p class="empty">No messages yet. Send one with POST /api/v1/messages.</p>';
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>SMS inbox · INPS PIN simulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><nav><h1>SMS inbox</h1>
<small style="display:block;padding:.5rem 1rem">simulated time ${e(now.toISOString())}</small>
${nav}</nav>
<main>${body}</main></body></html>`;
}
