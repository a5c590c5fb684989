// GET / (and /mailbox): each recipient's letters, newest first, with a preview and the PDF.
import type { Database } from "@inps-sim/db";
import type { Clock } from "@inps-sim/domain";
import { escapeHtml as e } from "../html.ts";
import { nameKey } from "./address.ts";
import { listLetters, listMailboxes, toLetter, type Letter } from "./store.ts";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;display:flex;min-height:100vh;background:#f4f5f7;color:#111}
nav{width:280px;background:#fff;border-right:1px solid #ddd}
nav h1{font-size:1.1rem;margin:0;padding:1rem;border-bottom:1px solid #ddd;color:#0054a0}
nav a{display:block;padding:.7rem 1rem;border-bottom:1px solid #eee;color:inherit;text-decoration:none}
nav a.current{background:#e3eefb}
small,.meta{color:#666;font-size:.75rem}
main{flex:1;padding:1rem 2rem}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin:0 0 1rem;max-width:48rem}
article h3{margin:.2rem 0 .4rem;font-size:1rem}
.preview{white-space:pre-wrap;font-family:Georgia,serif;background:#fafafa;border-left:3px solid #0054a0;padding:.5rem .8rem;margin:.6rem 0}
.status{display:inline-block;padding:0 .4rem;border-radius:4px;background:#eee}
.delivered{background:#dff3e4}.returned_to_sender{background:#fde2e1}.in_transit{background:#fff4d6}
`;

function card(l: Letter): string {
  const preview = l.body.length > 400 ? `${l.body.slice(0, 400)}…` : l.body;
  const events = l.events.map((ev) => `${e(ev.description)} ${e(ev.at)}`).join(" · ");
  return `<article id="${e(l.id)}"><h3>${e(l.subject ?? "(senza oggetto)")}</h3>
<div class="meta"><span class="status ${e(l.status)}">${e(l.status)}</span> · ${e(l.service)} · ${e(l.recipient.street)}, ${e(l.recipient.postalCode)} ${e(l.recipient.city)} ${e(l.recipient.province)} · attesa ${e(l.expectedDeliveryDate)}</div>
<div class="preview">${e(preview)}</div>
<div class="meta">${events}</div>
<div class="meta"><a href="/api/v1/letters/${e(l.id)}.pdf">PDF</a> · <a href="/api/v1/letters/${e(l.id)}">JSON</a></div></article>`;
}

export async function renderMailbox(db: Database, clock: Clock, selectedName: string | undefined): Promise<string> {
  const boxes = await listMailboxes(db, 500);
  const selectedKey = selectedName ? nameKey(selectedName) : boxes[0]?.nameKey;
  const now = clock.now();
  const current = boxes.find((b) => b.nameKey === selectedKey);
  const items = selectedKey
    ? (await listLetters(db, { name: selectedKey, limit: 200 }, now)).map((r) => toLetter(r, now))
    : [];
  const nav = boxes
    .map(
      (b) =>
        `<a href="/mailbox?name=${encodeURIComponent(b.nameKey)}"${b.nameKey === selectedKey ? ' class="current"' : ""}>${e(b.name)}<br><small>${b.count} letter${b.count === 1 ? "" : "e"} · ultima ${e(b.lastAt.toISOString())}</small></a>`,
    )
    .join("\n");
  const heading = current ? e(current.name) : selectedName ? e(selectedName) : "";
  const main = selectedKey
    ? `<h2>${heading}</h2>\n${items.map(card).join("\n") || "<p>Nessuna lettera.</p>"}`
    : "<p>Nessuna lettera. Spediscine una con POST /api/v1/letters.</p>";
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Cassetta postale · INPS PIN simulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><nav><h1>Cassetta postale</h1><small style="display:block;padding:.5rem 1rem">tempo simulato ${e(now.toISOString())}</small>
${nav}</nav><main>${main}</main></body></html>`;
}
