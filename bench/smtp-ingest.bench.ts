// SMTP ingest (issues 3 and 12): messages/s with 10 parallel SMTP connections into our mail gateway (PGlite;
// PostgreSQL too when DATABASE_URL is set or 127.0.0.1:5432 answers) behind two SMTP servers on the same storage
// path (smtp-server, which the gateway runs, and the hand-written server it replaced, kept in smtp-ingest/ as the
// baseline), and into MailDev (npm `maildev`, in memory): the same message set for each, sent twice: by a minimal
// pipelined SMTP client over raw sockets, and by nodemailer's pooled transport (prebuilt messages). Each SMTP server
// is also measured alone, with a mailbox that keeps nothing. Targets: ≥ 1,000 messages/s; smtp-server within 25% of
// the hand-written server. Afterwards each store is counted through its API.
// Each server first takes BENCH_WARMUP messages per client (default 2000: V8 needs a few thousand messages to
// optimise either server's hot paths), the same for ours and for MailDev. Ours is measured as configured by default
// (a mailbox under MAIL_SEARCH_INDEX_THRESHOLD keeps no trigram indexes) and, on PostgreSQL, once more with the
// indexes kept from the first message (MAIL_SEARCH_INDEX_THRESHOLD=0), as in a mailbox past the threshold.
// Run: npm run bench -- smtp-ingest   (BENCH_MESSAGES, default 4000; BENCH_CONNECTIONS, default 10; BENCH_STORAGE=
// pglite or postgres for one storage only, BENCH_MAILDEV=off to leave MailDev out; BENCH_ROUNDS, default 3: rounds per server and storage, the median kept)
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { createTransport } from "nodemailer";
import {
  benchDatabase,
  freePort,
  loadAverage,
  postgresBase,
  printRow,
  rssMb,
  startChild,
  startServer,
  type ChildServer,
} from "./lib.ts";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 4000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
const LIMIT_MS = 180_000; // a run that has not finished by then is reported as it stands
const run = Math.random().toString(36).slice(2, 8);
const STORAGE = process.env.BENCH_STORAGE ?? "all";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The message set: small text/plain messages, each with its own recipient, prebuilt so the client only streams them. */
function messageSet(tag: string, count: number): { envelope: { from: string; to: string[] }; raw: string }[] {
  const date = new Date().toUTCString();
  return Array.from({ length: count }, (_, i) => {
    const to = `cittadino${i}@example.it`;
    const code = String(100000 + ((i * 7919) % 900000));
    return {
      envelope: { from: "noreply@inps.it", to: [to] },
      raw: [
        `From: INPS <noreply@inps.it>`,
        `To: ${to}`,
        `Subject: Codice di verifica ${tag}-${i}`,
        `Date: ${date}`,
        `Message-ID: <${tag}-${i}@bench.inps.it>`,
        `MIME-Version: 1.0`,
        `Content-Type: text/plain; charset=utf-8`,
        `Content-Transfer-Encoding: 8bit`,
        ``,
        `Gentile cittadino,`,
        `per completare la richiesta del PIN inserisca il codice seguente.`,
        `Codice di verifica: ${code}`,
        `Il codice scade tra 10 minuti.`,
        `Cordiali saluti`,
        `Istituto Nazionale della Previdenza Sociale`,
        ``,
      ].join("\r\n"),
    };
  });
}

interface Ingest {
  sent: number;
  failed: number;
  ms: number;
  rate: number;
  firstError?: string;
}

/** Sends the set over one pooled nodemailer transport with CONNECTIONS connections; bounded by LIMIT_MS. */
async function ingest(port: number, set: ReturnType<typeof messageSet>): Promise<Ingest> {
  const transport = createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
  });
  let sent = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const all = Promise.all(
      set.map((m) =>
        transport.sendMail({ envelope: m.envelope, raw: m.raw }).then(
          () => void sent++,
          (error: Error) => {
            failed++;
            firstError ??= error.message;
          },
        ),
      ),
    );
    await Promise.race([all, new Promise((r) => (timer = setTimeout(r, LIMIT_MS)))]);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
  const ms = performance.now() - started;
  return { sent, failed, ms, rate: sent / (ms / 1000), ...(firstError ? { firstError } : {}) };
}

/** One SMTP connection over a raw socket: reads replies, hands each final reply to the oldest waiter. */
class SmtpConnection {
  #socket: Socket;
  #buffer = "";
  #waiting: ((reply: string) => void)[] = [];
  #closed: Error | null = null;

  constructor(port: number) {
    this.#socket = connect({ host: "127.0.0.1", port });
    this.#socket.setNoDelay(true);
    this.#socket.on("data", (chunk: Buffer) => {
      this.#buffer += chunk.toString("latin1");
      let nl;
      while ((nl = this.#buffer.indexOf("\r\n")) >= 0) {
        const line = this.#buffer.slice(0, nl);
        this.#buffer = this.#buffer.slice(nl + 2);
        if (line[3] !== "-") this.#waiting.shift()?.(line); // "250-…" continues a multi-line reply
      }
    });
    const fail = (error: Error) => {
      this.#closed = error;
      for (const w of this.#waiting.splice(0)) w(`421 ${error.message}`);
    };
    this.#socket.on("error", fail);
    this.#socket.on("close", () => fail(new Error("connection closed")));
  }

  /** Writes `data` and resolves with the next `replies` final replies. */
  send(data: string, replies: number): Promise<string[]> {
    if (this.#closed) return Promise.reject(this.#closed);
    const out = Array.from({ length: replies }, () => new Promise<string>((r) => this.#waiting.push(r)));
    if (data) this.#socket.write(data);
    return Promise.all(out);
  }

  close(): void {
    this.#socket.end("QUIT\r\n");
    this.#socket.destroy();
  }
}

const expect = (replies: string[], codes: string[]) => {
  replies.forEach((r, i) => {
    if (!r.startsWith(codes[i]!)) throw new Error(`SMTP: expected ${codes[i]}, got ${r}`);
  });
};

/**
 * The same set over CONNECTIONS raw sockets with PIPELINING (MAIL, RCPT and DATA in one write, then the body):
 * two round trips a message and almost no client CPU, to show whether nodemailer is what limits a run.
 */
async function ingestRaw(port: number, set: ReturnType<typeof messageSet>): Promise<Ingest> {
  let next = 0;
  let sent = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + LIMIT_MS;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new SmtpConnection(port);
      try {
        expect(await c.send("", 1), ["220"]);
        expect(await c.send("EHLO bench.local\r\n", 1), ["250"]);
        while (next < set.length && performance.now() < deadline) {
          const m = set[next++]!;
          try {
            const body = m.raw.replace(/\r\n\./g, "\r\n..");
            const head = `MAIL FROM:<${m.envelope.from}>\r\n${m.envelope.to.map((t) => `RCPT TO:<${t}>\r\n`).join("")}DATA\r\n`;
            expect(await c.send(head, m.envelope.to.length + 2), [
              "250",
              ...m.envelope.to.map(() => "250"),
              "354",
            ]);
            expect(await c.send(`${body}${body.endsWith("\r\n") ? "" : "\r\n"}.\r\n`, 1), ["250"]);
            sent++;
          } catch (error) {
            failed++;
            firstError ??= (error as Error).message;
            await c.send("RSET\r\n", 1).catch(() => undefined);
          }
        }
      } finally {
        c.close();
      }
    }),
  );
  const ms = performance.now() - started;
  return { sent, failed, ms, rate: sent / (ms / 1000), ...(firstError ? { firstError } : {}) };
}

type Client = "raw" | "nodemailer";
const CLIENTS: Client[] = ["raw", "nodemailer"];

/** Per client: a warm-up (connections, JIT, the database's first pages), then the measured set. */
async function measure(port: number, tag: string): Promise<Record<Client, Ingest>> {
  const out = {} as Record<Client, Ingest>;
  for (const client of CLIENTS) {
    const send = client === "raw" ? ingestRaw : ingest;
    await send(port, messageSet(`${tag}-${client}-warm`, WARMUP));
    out[client] = await send(port, messageSet(`${tag}-${client}`, MESSAGES));
    if (out[client].firstError)
      process.stderr.write(`${tag} ${client}: first SMTP error: ${out[client].firstError}\n`);
  }
  return out;
}

const describe = (r: Ingest) =>
  `${r.rate.toFixed(0)} msg/s (${r.sent} in ${(r.ms / 1000).toFixed(2)} s${r.failed ? `, ${r.failed} failed` : ""})`;

interface Run {
  result: Record<Client, Ingest>;
  /** Messages in the store afterwards, counted through the server's API. */
  stored: number;
  rss: number;
}
const EXPECTED = CLIENTS.length * (WARMUP + MESSAGES);

type SmtpServerKind = "smtp-server" | "hand-written";
const SERVERS: SmtpServerKind[] = ["hand-written", "smtp-server"];

async function ours(
  label: string,
  smtp: SmtpServerKind,
  databaseUrl: string | undefined,
  env: Record<string, string> = {},
): Promise<Run> {
  const server = await startServer("mail", databaseUrl, { ...env, BENCH_SMTP: smtp });
  try {
    const tag = `${run}-${label}-${smtp}`;
    const result = await measure(server.info.smtp!, tag);
    const rss = rssMb(server.pid);
    // messages_count comes from a COUNT over the search, not from the cached mailbox total.
    const res = await fetch(
      `http://127.0.0.1:${server.info.http}/api/v1/search?limit=1&query=${encodeURIComponent(`subject:"Codice di verifica ${tag}-"`)}`,
    );
    const body = (await res.json()) as { messages_count: number };
    return { result, stored: body.messages_count, rss };
  } finally {
    await server.stop();
  }
}

async function maildev(): Promise<Run & { version: string }> {
  const smtp = await freePort();
  const web = await freePort();
  const bin = new URL("bin/maildev.js", import.meta.resolve("maildev"));
  const { version } = JSON.parse(
    readFileSync(new URL("../package.json", import.meta.resolve("maildev")), "utf8"),
  ) as { version: string };
  // In memory (no --mail-directory); the web API on a free loopback port, to count what it stored.
  const server: ChildServer = await startChild(
    [
      bin.pathname,
      "--smtp",
      String(smtp),
      "--ip",
      "127.0.0.1",
      "--web",
      String(web),
      "--web-ip",
      "127.0.0.1",
      "--silent",
    ],
    { readyWhen: async () => (await fetch(`http://127.0.0.1:${web}/api/healthz`)).ok, timeoutMs: 60_000 },
  );
  try {
    const result = await measure(smtp, `${run}-maildev`);
    const rss = rssMb(server.pid);
    const res = await fetch(`http://127.0.0.1:${web}/api/email/summary?limit=1`);
    const body = (await res.json()) as { total: number };
    return { result, stored: body.total, rss, version };
  } finally {
    await server.stop();
  }
}

function report(label: string, r: Run, targets: boolean): void {
  for (const client of CLIENTS) {
    const rate = r.result[client].rate;
    printRow(
      `${label}, ${client} client`,
      describe(r.result[client]),
      targets ? "≥ 1,000 msg/s" : undefined,
      rate >= 1000,
    );
  }
  printRow(
    `  stored, counted through the API`,
    `${r.stored} of ${EXPECTED} sent; RSS ${r.rss.toFixed(0)} MB`,
    "nothing lost",
    r.stored === EXPECTED,
  );
}

process.stdout.write(
  `${MESSAGES} messages a run (after ${WARMUP} warm-up) over ${CONNECTIONS} connections, with each client:\n` +
    `raw = pipelined SMTP over net sockets; nodemailer = its pooled SMTP transport sending prebuilt messages.\n` +
    `Two SMTP servers in front of the same storage path: smtp-server (the gateway's) and the hand-written one it replaced. ${loadAverage()}\n`,
);

const ceilings = {} as Record<SmtpServerKind, Record<Client, Ingest>>;
for (const smtp of SERVERS) {
  const sink = await startServer("sink", undefined, { BENCH_SMTP: smtp });
  try {
    ceilings[smtp] = await measure(sink.info.smtp!, `${run}-sink-${smtp}`);
  } finally {
    await sink.stop();
  }
  for (const client of CLIENTS)
    printRow(`${smtp} alone (keeps nothing), ${client} client`, describe(ceilings[smtp][client]));
}

const runs: { label: string; smtp: SmtpServerKind | "maildev"; run: Run }[] = [];
/**
 * The two servers alternate, ROUNDS times on each storage, and each keeps its median round: on a shared machine the
 * load drifts during a run, and alternating gives both the same share of it.
 */
async function compare(
  label: string,
  databaseUrl: () => Promise<{ url: string | undefined; drop(): Promise<void> }>,
): Promise<void> {
  const rounds: Record<SmtpServerKind, Run[]> = { "hand-written": [], "smtp-server": [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const smtp of SERVERS) {
      const db = await databaseUrl();
      try {
        rounds[smtp].push(await ours(`${label.toLowerCase()}${round}`, smtp, db.url));
      } finally {
        await db.drop();
      }
    }
  }
  for (const smtp of SERVERS) {
    // Each client's median round, on its own.
    const medianOf = (client: Client) => {
      const sorted = rounds[smtp].map((r) => r.result[client]).sort((a, b) => a.rate - b.rate);
      return sorted[Math.floor(sorted.length / 2)]!;
    };
    const last = rounds[smtp].at(-1)!;
    const r: Run = {
      result: { raw: medianOf("raw"), nodemailer: medianOf("nodemailer") },
      stored: Math.min(...rounds[smtp].map((x) => x.stored)),
      rss: last.rss,
    };
    report(`${smtp}, ${label}${ROUNDS > 1 ? ` (median of ${ROUNDS} rounds)` : ""}`, r, true);
    runs.push({ label, smtp, run: r });
  }
}

if (STORAGE !== "postgres") await compare("PGlite", async () => ({ url: undefined, drop: async () => {} }));

const base = STORAGE === "pglite" ? undefined : await postgresBase();
if (base) {
  await compare("PostgreSQL", () => benchDatabase(base, "smtp"));
  const indexedDb = await benchDatabase(base, "smtpidx");
  try {
    const indexed = await ours("postgres-indexed", "smtp-server", indexedDb.url, {
      MAIL_SEARCH_INDEX_THRESHOLD: "0",
    });
    report("smtp-server, PostgreSQL, search indexes kept", indexed, true);
    runs.push({ label: "PostgreSQL, indexes kept", smtp: "smtp-server", run: indexed });
  } finally {
    await indexedDb.drop();
  }
} else if (STORAGE !== "pglite") {
  printRow("ours, PostgreSQL", "skipped: no DATABASE_URL and nothing at 127.0.0.1:5432");
}

if (process.env.BENCH_MAILDEV !== "off") {
  const md = await maildev();
  report(`MailDev ${md.version} (in memory)`, md, false);
  runs.push({ label: `MailDev ${md.version}, in memory`, smtp: "maildev", run: md });
}

// Side by side, msg/s, then the decision rule: smtp-server unless it is more than 25% slower on the same storage.
process.stdout.write(
  `\nmessages/s side by side:\n| server | storage | ${CLIENTS.join(" | ")} |\n|---|---|${CLIENTS.map(() => "---").join("|")}|\n`,
);
for (const smtp of SERVERS) {
  process.stdout.write(
    `| ${smtp} | nothing kept | ${CLIENTS.map((c) => ceilings[smtp][c].rate.toFixed(0)).join(" | ")} |\n`,
  );
}
for (const r of runs) {
  process.stdout.write(
    `| ${r.smtp} | ${r.label} | ${CLIENTS.map((c) => r.run.result[c].rate.toFixed(0)).join(" | ")} |\n`,
  );
}
for (const label of ["PGlite", "PostgreSQL"]) {
  const by = (smtp: SmtpServerKind) => runs.find((r) => r.label === label && r.smtp === smtp)?.run;
  const lib = by("smtp-server");
  const own = by("hand-written");
  if (!lib || !own) continue;
  for (const client of CLIENTS) {
    const ratio = lib.result[client].rate / own.result[client].rate;
    printRow(
      `smtp-server / hand-written, ${label}, ${client} client`,
      `${ratio.toFixed(2)}×`,
      "≥ 0.75×",
      ratio >= 0.75,
    );
  }
}
process.stdout.write(`after: ${loadAverage()}\n`);
