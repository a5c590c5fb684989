// A server for the gateway benchmarks, in a process of its own so that the load generator and the server do not
// share an event loop (and its RSS is the server's alone): `node --import tsx bench/serve.ts mail|sms|sink|floor`.
// DATABASE_URL unset: PGlite in memory. BENCH_SEED_MESSAGES=n (mail): stores n messages before answering ready.
// BENCH_SMTP=hand-written (mail, sink): the gateway's earlier SMTP server (smtp-ingest/) in place of smtp-server.
// Prints one JSON line on stdout when ready ({ http, smtp, seeded, seedMs }); logs go to stderr. Stops on SIGTERM,
// SIGINT, or when its parent goes away (stdin closes), closing the servers and the database.
import { openDatabase, type DatabaseHandle } from "@inps-sim/db";
import {
  readMailConfig,
  SmtpFaults,
  startMailService,
  startSmtpServer,
  tlsCertificate,
} from "@inps-sim/mail-gateway";
import { createLogger } from "@inps-sim/service-kit";
import { readSmsConfig, startSmsService } from "@inps-sim/sms-gateway";
import { sql } from "drizzle-orm";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startHandWrittenSmtpServer } from "./smtp-ingest/hand-written-server.ts";

const kind = process.argv[2];
const smtpServer = process.env.BENCH_SMTP === "hand-written" ? startHandWrittenSmtpServer : startSmtpServer;
const level = (process.env.LOG_LEVEL ?? "silent") as "silent";
const cleanups: (() => Promise<void>)[] = [];
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => console.error(e));
  }
  process.exit(code);
}
process.once("SIGTERM", () => void stop(0));
process.once("SIGINT", () => void stop(0));
process.stdin.on("end", () => void stop(0));
process.stdin.on("close", () => void stop(0));
process.stdin.resume();
// Never outlive the benchmark by much, whatever happens to it.
setTimeout(() => void stop(3), Number(process.env.BENCH_SERVER_MAX_MS ?? 30 * 60_000)).unref();

function ready(info: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, ...info })}\n`);
}

async function database(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined, maxConnections: 10 });
  cleanups.push(() => handle.close());
  return handle;
}

type MailStore = Awaited<ReturnType<typeof startMailService>>["mailbox"]["store"];
type InsertInput = Parameters<MailStore["insert"]>[0];

/** Mailpit's cleanString, as the gateway's parser applies it to SearchText. */
const clean = (v: string) =>
  v
    .replace(/(\r?\n|\t|>|<|"|,|;|\(|\))/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .join(" ")
    .toLowerCase();

const SUBJECTS = [
  "Prima parte del PIN",
  "Seconda parte del PIN",
  "Codice di verifica",
  "Codice di ripristino",
  "Richiesta del PIN accolta",
];
const WORDS = [
  "pensione",
  "assegno",
  "cedolino",
  "naspi",
  "isee",
  "bonus",
  "contributi",
  "riscatto",
  "invalidità",
  "maternità",
];

/**
 * Stores n messages through the gateway's own storage module (MailStore.insert, which writes up to 500 rows per
 * statement), with the fields its MIME parser would produce for the same message; no SMTP or MIME parsing, which
 * would take minutes for 100,000. Arrival times spread over the last 30 days; every second message is then read.
 */
async function seedMail(handle: DatabaseHandle, store: MailStore, n: number): Promise<void> {
  const now = Date.now();
  const CHUNK = 2_000;
  for (let start = 0; start < n; start += CHUNK) {
    const inputs: InsertInput[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const subject = `${SUBJECTS[i % SUBJECTS.length]!} n. ${i}`;
      const to = `cittadino${i}@example.it`;
      const word = WORDS[i % WORDS.length]!;
      const text = `Gentile cittadino, la informiamo che la sua pratica ${word} è stata aggiornata.\r\nCodice di verifica: ${String(100000 + (i % 900000))}\r\nCordiali saluti\r\nIstituto Nazionale della Previdenza Sociale\r\n`;
      const raw = Buffer.from(
        `From: INPS <noreply@inps.it>\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <seed-${i}@inps.it>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}`,
      );
      inputs.push({
        parsed: {
          messageId: `seed-${i}@inps.it`,
          subject,
          from: { Name: "INPS", Address: "noreply@inps.it" },
          to: [{ Name: "", Address: to }],
          cc: [],
          bcc: [],
          replyTo: [],
          returnPath: "noreply@inps.it",
          date: new Date(now - (n - i) * 25_000),
          text,
          html: "",
          snippet: text.replace(/\s+/g, " ").trim().slice(0, 200),
          searchText: clean(`INPS <noreply@inps.it> ${subject} ${to} ${text}`),
          attachments: [],
          inline: [],
          header: () => undefined,
          malformed: null,
        },
        raw,
        created: new Date(now - (n - i) * 25_000),
        envelope: { from: "noreply@inps.it", to: [to] },
      });
    }
    await Promise.all(inputs.map((input) => store.insert(input)));
  }
  await handle.db.execute(sql`update mail.messages set read = true where seq % 2 = 0`);
  await handle.db.execute(sql`analyze mail.messages`);
  store.invalidate();
}

try {
  if (kind === "sink") {
    // The SMTP front door alone: a mailbox that takes each message and keeps nothing (no parsing, no database).
    // With the hand-written server it is the load generator's ceiling; with smtp-server, that server's own.
    const runtime = { SMTPAccepted: 0, SMTPAcceptedSize: 0, SMTPRejected: 0, SMTPIgnored: 0 };
    const smtp = await smtpServer({
      mailbox: { runtime, accept: async () => "sink" },
      tls: await tlsCertificate("sink.local", {}),
      faults: new SmtpFaults("sink"),
      port: 0,
      host: "127.0.0.1",
      maxMessageSize: 10 * 1024 * 1024,
      logger: createLogger({ service: "sink", level, destination: process.stderr }),
    });
    cleanups.push(() => smtp.close());
    ready({ smtp: smtp.port });
  } else if (kind === "floor") {
    // The machine's HTTP floor: node:http answering "ok", nothing else.
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    ready({ http: (server.address() as AddressInfo).port });
  } else if (kind === "mail") {
    const handle = await database();
    const logger = createLogger({ service: "mail-gateway", level, destination: process.stderr });
    const service = await startMailService({
      handle,
      config: readMailConfig({
        MAIL_HTTP_PORT: "0",
        SMTP_PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: level,
        SIM_ADMIN_TOKEN: "bench-admin-token",
        MAIL_SEARCH_INDEX_THRESHOLD: process.env.MAIL_SEARCH_INDEX_THRESHOLD,
      }),
      logger,
      startSmtp: smtpServer,
    });
    cleanups.push(() => service.close());
    const n = Number(process.env.BENCH_SEED_MESSAGES ?? 0);
    const t0 = performance.now();
    if (n > 0) await seedMail(handle, service.mailbox.store, n);
    await service.searchIndexes.ready(); // built while seeding, once the mailbox passed MAIL_SEARCH_INDEX_THRESHOLD
    ready({
      http: service.ports.http,
      smtp: service.ports.smtp,
      seeded: n,
      seedMs: Math.round(performance.now() - t0),
      db: handle.kind,
    });
  } else if (kind === "sms") {
    const handle = await database();
    const logger = createLogger({ service: "sms-gateway", level, destination: process.stderr });
    const service = await startSmsService({
      handle,
      config: readSmsConfig({
        SMS_PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: level,
        SIM_ADMIN_TOKEN: "bench-admin-token",
      }),
      logger,
    });
    cleanups.push(() => service.close());
    ready({ http: service.ports.http, db: handle.kind });
  } else {
    throw new Error(`unknown server kind ${kind}; expected mail, sms, sink or floor`);
  }
} catch (error) {
  console.error(error);
  await stop(1);
}
