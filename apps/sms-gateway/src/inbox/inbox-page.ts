// GET / (and /inbox): the messages of each number, shown like a phone's conversation view, in Italian and in
// Rome's time. Every value is escaped by hono/html on the way out.
import type { Database } from "@inps-sim/db";
import { italianDateTime, type Clock } from "@inps-sim/domain";
import { html } from "hono/html";
import {
  listConversations,
  listMessages,
  toView,
  type SmsMessage,
  type SmsStatus,
} from "../messages/messages.store.ts";

const STYLE = html`<style>
  body {
    font-family: system-ui, sans-serif;
    margin: 0;
    display: flex;
    height: 100vh;
    background: #f3f4f6;
    color: #111;
  }
  nav {
    width: 300px;
    overflow: auto;
    background: #fff;
    border-right: 1px solid #ddd;
  }
  nav h1 {
    font-size: 1.1rem;
    padding: 1rem;
    margin: 0;
    border-bottom: 1px solid #ddd;
  }
  nav a {
    display: block;
    padding: 0.75rem 1rem;
    border-bottom: 1px solid #eee;
    color: inherit;
    text-decoration: none;
  }
  nav a.current {
    background: #e0ecff;
  }
  nav small,
  .meta {
    color: #666;
    font-size: 0.75rem;
  }
  main {
    flex: 1;
    overflow: auto;
    padding: 1rem 2rem;
  }
  .bubble {
    max-width: 34rem;
    background: #fff;
    border-radius: 1rem;
    padding: 0.6rem 0.9rem;
    margin: 0.6rem 0;
    box-shadow: 0 1px 2px #0002;
  }
  .bubble p {
    margin: 0 0 0.3rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .failed {
    background: #fde8e8;
  }
  .queued {
    opacity: 0.7;
  }
  .empty {
    color: #666;
    margin-top: 3rem;
  }
</style>`;

const STATUS: Record<SmsStatus, string> = {
  queued: "in coda",
  delivered: "consegnato",
  failed: "non consegnato",
};

const FAILURE: Record<string, string> = {
  "malformed-number": "numero non valido",
  "invalid-number": "numero inesistente",
  landline: "numero fisso",
  "not-a-mobile": "non è un cellulare",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function bubble(m: SmsMessage) {
  const reason = m.failureReason ? ` (${FAILURE[m.failureReason] ?? m.failureReason})` : "";
  return html`<div class="bubble ${m.status}" id="${m.id}">
    <p>${m.text}</p>
    <div class="meta">
      da ${m.from} · ${italianDateTime(new Date(m.createdAt))} · ${STATUS[m.status]}${reason} · ${m.encoding},
      ${plural(m.segments, "parte", "parti")}
    </div>
  </div>`;
}

export async function renderInbox(db: Database, clock: Clock, selected: string | undefined) {
  const conversations = await listConversations(db, 500);
  const current = selected ?? conversations[0]?.to;
  const now = clock.now();
  // Oldest at the top, newest at the bottom, as a phone shows a conversation.
  const thread = current
    ? (await listMessages(db, { to: current, limit: 500 })).map((r) => toView(r, now)).reverse()
    : [];
  const nav = conversations.map(
    (conv) =>
      html`<a
        href="/inbox?to=${encodeURIComponent(conv.to)}"
        ${conv.to === current ? html` class="current"` : ""}
        >${conv.to}<br /><small
          >${plural(conv.count, "messaggio", "messaggi")} · ultimo ${italianDateTime(conv.lastAt)}</small
        ></a
      >`,
  );
  const body = current
    ? html`<h2>${current}</h2>
        ${thread.length ? thread.map(bubble) : html`<p class="empty">Nessun messaggio per questo numero.</p>`}`
    : html`<p class="empty">Ancora nessun messaggio. Inviane uno con POST /api/v1/messages.</p>`;
  return html`<!doctype html>
    <html lang="it">
      <head>
        <meta charset="utf-8" />
        <title>SMS ricevuti · simulatore PIN INPS</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${STYLE}
      </head>
      <body>
        <nav>
          <h1>SMS ricevuti</h1>
          <small style="display:block;padding:.5rem 1rem"
            >tempo simulato ${italianDateTime(now)} (ora di Roma)</small
          >
          ${nav}
        </nav>
        <main>${body}</main>
      </body>
    </html>`;
}
