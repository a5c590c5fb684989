// The inbox page: a server-rendered list and message view, every value HTML-escaped, HTML mail in a sandboxed frame.
import type { Context } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import { MESSAGE_ID_PATTERN } from "../ids.ts";
import type { Mailbox } from "../mailbox.ts";
import { headerMap } from "../mime/headers.ts";
import { escapeHtml as e } from "../mime/html-text.ts";
import type { MailAddress } from "../db/schema.ts";

const PAGE = 50;
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self'; base-uri 'none'";

const addr = (a: MailAddress) => (a.Name ? `${a.Name} <${a.Address}>` : a.Address);
const addrs = (list: MailAddress[]) => list.map(addr).join(", ");

function layout(title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f5f6f8}
header{background:#0066cc;color:#fff;padding:.8rem 1.2rem}header a{color:#fff;text-decoration:none;font-weight:600}
main{padding:1rem 1.2rem;max-width:72rem}table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e3e5e8;vertical-align:top;font-size:.92rem}
tr.unread td{font-weight:600}.muted{color:#5c6670}.snippet{color:#5c6670;font-weight:400}
pre{white-space:pre-wrap;background:#fff;padding:1rem;border:1px solid #e3e5e8}
iframe{width:100%;min-height:28rem;border:1px solid #e3e5e8;background:#fff}
form{margin-bottom:1rem}input[type=search]{width:24rem;max-width:70%;padding:.35rem}
nav a{margin-right:1rem}details{margin:1rem 0}
</style></head><body><header><a href="/">Posta del simulatore</a> <span class="muted" style="color:#dfe9f5">· SMTP in, API Mailpit</span></header>
<main>${body}</main></body></html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": CSP,
      "x-content-type-options": "nosniff",
    },
  });
}

type C = Context<ServiceEnv>;

export const inboxPage = (deps: { mailbox: Mailbox }) => async (c: C) => {
  const store = deps.mailbox.store;
  await deps.mailbox.deliverDue();
  const q = (c.req.query("q") ?? "").slice(0, 500).trim();
  const startRaw = Number.parseInt(c.req.query("start") ?? "0", 10);
  const start = Number.isFinite(startRaw) && startRaw > 0 ? Math.min(startRaw, 1_000_000_000) : 0;
  const [list, stats, counts] = await Promise.all([
    store.page(q, { start, limit: PAGE }),
    store.stats(),
    q ? store.count(q) : Promise.resolve(null),
  ]);
  const matching = counts ? counts.count : stats.total;
  const rows = list
    .map(
      (m) => `<tr class="${m.Read ? "" : "unread"}"><td>${e(addr(m.From))}</td><td>${e(addrs(m.To))}</td>
<td><a href="/view/${e(m.ID)}">${e(m.Subject || "(senza oggetto)")}</a><div class="snippet">${e(m.Snippet)}</div></td>
<td class="muted">${e(m.Created)}</td><td>${m.Attachments > 0 ? `${m.Attachments} allegat${m.Attachments === 1 ? "o" : "i"}` : ""}${m.Tags.map((t) => ` <span class="muted">#${e(t)}</span>`).join("")}</td></tr>`,
    )
    .join("\n");
  const nav: string[] = [];
  const link = (s: number) =>
    `/?${new URLSearchParams({ ...(q ? { q } : {}), start: String(s) }).toString()}`;
  if (start > 0) nav.push(`<a href="${e(link(Math.max(0, start - PAGE)))}">← più recenti</a>`);
  if (start + PAGE < matching) nav.push(`<a href="${e(link(start + PAGE))}">meno recenti →</a>`);
  return layout(
    "Posta del simulatore",
    `<form method="get" action="/"><input type="search" name="q" value="${e(q)}" placeholder="to:… from:… subject:… is:unread tag:…">
<button>Cerca</button></form>
<p class="muted">${matching} messaggi${q ? " trovati" : ""} · ${stats.unread} da leggere · totale ${stats.total}</p>
<table><thead><tr><th>Da</th><th>A</th><th>Oggetto</th><th>Ricevuto</th><th></th></tr></thead><tbody>
${rows || `<tr><td colspan="5" class="muted">Nessun messaggio.</td></tr>`}
</tbody></table><nav>${nav.join(" ")}</nav>`,
  );
};

export const messagePage = (deps: { mailbox: Mailbox }) => async (c: C) => {
  const store = deps.mailbox.store;
  const id = c.req.param("id")!;
  await deps.mailbox.deliverDue();
  const message = MESSAGE_ID_PATTERN.test(id) ? await store.get(id) : null;
  if (!message)
    return layout("Messaggio non trovato", `<p>Messaggio non trovato.</p><p><a href="/">← Posta</a></p>`);
  if (!message.summary.Read) await store.markRead(id);
  const s = message.summary;
  const headers = headerMap(message.raw);
  const headerRows = Object.entries(headers)
    .flatMap(([k, values]) => values.map((v) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`))
    .join("\n");
  const parts = [...message.attachments, ...message.inline]
    .map(
      (p) =>
        `<li><a href="/api/v1/message/${e(s.ID)}/part/${e(p.PartID)}">${e(p.FileName || p.ContentID || p.PartID)}</a> <span class="muted">${e(p.ContentType)}, ${p.Size} byte</span></li>`,
    )
    .join("\n");
  return layout(
    s.Subject || "(senza oggetto)",
    `<p><a href="/">← Posta</a> · <a href="/api/v1/message/${e(s.ID)}/raw">sorgente</a></p>
<h1>${e(s.Subject || "(senza oggetto)")}</h1>
<table><tbody>
<tr><th>Da</th><td>${e(addr(s.From))}</td></tr><tr><th>A</th><td>${e(addrs(s.To))}</td></tr>
${s.Cc.length ? `<tr><th>Cc</th><td>${e(addrs(s.Cc))}</td></tr>` : ""}
<tr><th>Data</th><td>${e((message.date ?? new Date(s.Created)).toISOString())}</td></tr>
<tr><th>Ricevuto</th><td>${e(s.Created)}</td></tr>
${message.pecReceipt ? `<tr><th>Ricevuta PEC</th><td>${e(message.pecReceipt)}</td></tr>` : ""}
${message.redeliveries > 0 ? `<tr><th>Riconsegne</th><td>${message.redeliveries} (stesso Message-ID dallo stesso mittente, non salvato di nuovo)</td></tr>` : ""}
</tbody></table>
${message.html ? `<h2>HTML</h2><iframe sandbox title="Corpo HTML del messaggio" srcdoc="${e(message.html)}"></iframe>` : ""}
<h2>Testo</h2><pre>${e(message.text || "(nessuna parte di testo)")}</pre>
${parts ? `<h2>Allegati</h2><ul>${parts}</ul>` : ""}
<details><summary>Intestazioni</summary><table><tbody>${headerRows}</tbody></table></details>`,
  );
};
