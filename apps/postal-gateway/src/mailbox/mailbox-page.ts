// GET / (and /mailbox): each recipient's letters, newest first, in Italian and in Rome's time. A letter's text and
// PDF show once it is delivered, as in a letterbox. Every value is escaped by hono/html on the way out.
import type { Database } from "@inps-sim/db";
import { italianDate, italianDateTime, type Clock } from "@inps-sim/domain";
import { html } from "hono/html";
import { nameKey } from "../letters/address.ts";
import {
  listLetters,
  listMailboxes,
  toLetter,
  type Letter,
  type LetterStatus,
} from "../letters/letters.store.ts";

const STYLE = html`<style>
  body {
    font-family: system-ui, sans-serif;
    margin: 0;
    display: flex;
    min-height: 100vh;
    background: #f4f5f7;
    color: #111;
  }
  nav {
    width: 280px;
    background: #fff;
    border-right: 1px solid #ddd;
  }
  nav h1 {
    font-size: 1.1rem;
    margin: 0;
    padding: 1rem;
    border-bottom: 1px solid #ddd;
    color: #0054a0;
  }
  nav a {
    display: block;
    padding: 0.7rem 1rem;
    border-bottom: 1px solid #eee;
    color: inherit;
    text-decoration: none;
  }
  nav a.current {
    background: #e3eefb;
  }
  small,
  .meta {
    color: #666;
    font-size: 0.75rem;
  }
  main {
    flex: 1;
    padding: 1rem 2rem;
  }
  article {
    background: #fff;
    border: 1px solid #ddd;
    border-radius: 6px;
    padding: 1rem;
    margin: 0 0 1rem;
    max-width: 48rem;
  }
  article h3 {
    margin: 0.2rem 0 0.4rem;
    font-size: 1rem;
  }
  .preview {
    white-space: pre-wrap;
    font-family: Georgia, serif;
    background: #fafafa;
    border-left: 3px solid #0054a0;
    padding: 0.5rem 0.8rem;
    margin: 0.6rem 0;
  }
  .status {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: 4px;
    background: #eee;
  }
  .delivered {
    background: #dff3e4;
  }
  .returned_to_sender {
    background: #fde2e1;
  }
  .in_transit {
    background: #fff4d6;
  }
</style>`;

const STATUS: Record<LetterStatus, string> = {
  accepted: "accettata",
  in_transit: "in transito",
  delivered: "consegnata",
  returned_to_sender: "restituita al mittente",
};

const SERVICE = { ordinaria: "posta ordinaria", raccomandata: "raccomandata" } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 2026-03-06 (a calendar day in Rome) as 06/03/2026. */
const calendarDay = (date: string) => date.split("-").reverse().join("/");

function card(l: Letter) {
  const events = l.events.map((ev) => `${ev.description} ${italianDateTime(new Date(ev.at))}`).join(" · ");
  const content =
    l.body === null
      ? html`<div class="meta">Il contenuto sarà leggibile alla consegna.</div>`
      : html`<div class="preview">${l.body.length > 400 ? `${l.body.slice(0, 400)}…` : l.body}</div>`;
  const links =
    l.body === null
      ? html`<a href="/api/v1/letters/${l.id}">JSON</a>`
      : html`<a href="/api/v1/letters/${l.id}.pdf">PDF</a> · <a href="/api/v1/letters/${l.id}">JSON</a>`;
  return html`<article id="${l.id}">
    <h3>${l.subject ?? "(senza oggetto)"}</h3>
    <div class="meta">
      <span class="status ${l.status}">${STATUS[l.status]}</span> · ${SERVICE[l.service]} ·
      ${l.recipient.street}, ${l.recipient.postalCode} ${l.recipient.city} ${l.recipient.province} · consegna
      prevista entro il ${calendarDay(l.expectedDeliveryDate)}
    </div>
    ${content}
    <div class="meta">${events}</div>
    <div class="meta">${links}</div>
  </article>`;
}

export async function renderMailbox(db: Database, clock: Clock, selectedName: string | undefined) {
  const boxes = await listMailboxes(db, 500);
  const selectedKey = selectedName ? nameKey(selectedName) : boxes[0]?.nameKey;
  const now = clock.now();
  const current = boxes.find((b) => b.nameKey === selectedKey);
  const items = selectedKey
    ? (await listLetters(db, { name: selectedKey, limit: 200 }, now)).map((r) => toLetter(r, now))
    : [];
  const nav = boxes.map(
    (b) =>
      html`<a
        href="/mailbox?name=${encodeURIComponent(b.nameKey)}"
        ${b.nameKey === selectedKey ? html` class="current"` : ""}
        >${b.name}<br /><small
          >${plural(b.count, "lettera", "lettere")} · ultima ${italianDate(b.lastAt)}</small
        ></a
      >`,
  );
  const heading = current ? current.name : (selectedName ?? "");
  const main = selectedKey
    ? html`<h2>${heading}</h2>
        ${items.length ? items.map(card) : html`<p>Nessuna lettera.</p>`}`
    : html`<p>Nessuna lettera. Spediscine una con POST /api/v1/letters.</p>`;
  return html`<!doctype html>
    <html lang="it">
      <head>
        <meta charset="utf-8" />
        <title>Cassetta postale · simulatore PIN INPS</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${STYLE}
      </head>
      <body>
        <nav>
          <h1>Cassetta postale</h1>
          <small style="display:block;padding:.5rem 1rem"
            >tempo simulato ${italianDateTime(now)} (ora di Roma)</small
          >
          ${nav}
        </nav>
        <main>${main}</main>
      </body>
    </html>`;
}
