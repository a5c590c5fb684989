// Measures list and search latency of the Mailpit API with N stored messages (default 100,000):
// `DATABASE_URL=… npx tsx scripts/api-latency.ts [N]`. Messages are inserted in SQL, not over SMTP, to be quick.
import { openDatabase } from "@inps-sim/db";
import { createLogger } from "@inps-sim/service-kit";
import { sql } from "drizzle-orm";
import { readMailConfig } from "../src/config.ts";
import { startMailService } from "../src/start.ts";

const n = Number(process.argv[2] ?? 100_000);
const handle = await openDatabase({ url: process.env.DATABASE_URL });
const service = await startMailService({
  handle,
  config: readMailConfig({ MAIL_HTTP_PORT: "0", SMTP_PORT: "0", SIM_ADMIN_TOKEN: "latency-token" }),
  logger: createLogger({ service: "mail-gateway", level: "silent" }),
});
await service.mailbox.store.deleteAll();
const t0 = performance.now();
await handle.db.execute(sql`
  insert into mail.messages (id, created, message_id, subject, "from", "to", cc, bcc, reply_to, size, attachments, inline, read,
    snippet, search_text, from_text, to_text, cc_text, bcc_text, reply_to_text)
  select 'm' || lpad(i::text, 21, '0'), now() - (i || ' seconds')::interval, i || '@inps.it',
    case when i % 3 = 0 then 'Prima parte del PIN' when i % 3 = 1 then 'Codice di verifica' else 'Seconda parte del PIN' end,
    '{"Name":"INPS","Address":"noreply@inps.it"}', jsonb_build_array(jsonb_build_object('Name', '', 'Address', 'cittadino' || i || '@example.it')),
    '[]', '[]', '[]', 900, 0, 0, i % 2 = 0,
    'Gentile cittadino, Prima parte del PIN: ' || md5(i::text),
    'inps noreply@inps.it prima parte del pin cittadino' || i || '@example.it gentile cittadino, la informiamo che la richiesta del pin è stata accolta. prima parte del pin: ' || md5(i::text) || ' cordiali saluti istituto nazionale della previdenza sociale',
    'inps <noreply@inps.it>', ' <cittadino' || i || '@example.it>', '', '', ''
  from generate_series(1, ${n}) as i`);
await handle.db.execute(sql`
  insert into mail.message_data (id, raw, return_path, text, html, parts, envelope)
  select id, convert_to('Subject: x', 'UTF8'), 'noreply@inps.it', 'x', '', '{"attachments":[],"inline":[]}', '{"from":"","to":[]}' from mail.messages`);
await handle.db.execute(sql`analyze mail.messages`);
service.mailbox.store.invalidate();
process.stdout.write(`inserted ${n} messages in ${Math.round(performance.now() - t0)} ms (${handle.kind})\n`);

const api = service.urls.http!;
const cases = [
  "/api/v1/messages",
  "/api/v1/messages?start=50000&limit=50",
  `/api/v1/search?query=${encodeURIComponent(`to:cittadino${Math.floor(n / 2)}@example.it`)}`,
  `/api/v1/search?query=${encodeURIComponent('subject:"Codice di verifica" is:unread')}`,
  `/api/v1/search?query=${encodeURIComponent(`"prima parte del pin" cittadino${n - 7}@`)}`,
  `/api/v1/message/latest`,
];
for (const path of cases) {
  for (let i = 0; i < 5; i++) await (await fetch(api + path)).arrayBuffer(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    const res = await fetch(api + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  process.stdout.write(`${path.padEnd(90)} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms\n`);
}
if (!process.env.KEEP) await service.mailbox.store.deleteAll();
await service.close();
await handle.close();
