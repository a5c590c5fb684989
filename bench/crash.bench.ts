// kill -9 under load (issue 11): the whole stack runs as a child process (`node apps/stack/bin/run.mjs stack`) while
// 10 SMTP connections send to the mail gateway and PIN requests arrive; it is killed with SIGKILL mid-way 5 times
// (`CRASH_KILLS`), restarted on the same data each time while the load goes on. Afterwards simulated time runs until
// the outbox is empty, and the gateways' APIs are asked: every message that got a 250 stored exactly once (by its
// unique Message-ID), every PIN request that got a 202 with its first half (email or SMS) and its letter delivered
// exactly once. On PGlite (a temporary DATA_DIR), and on PostgreSQL when one answers. `CRASH_MESSAGES` SMTP messages
// acknowledged between two kills (default 300), `CRASH_REQUESTS` PIN requests likewise (default 40).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomPersona, seededRandom, type Persona } from "@inps-sim/domain";
import { createTransport } from "nodemailer";
import { caller, countDeliveries, json } from "./deliveries.ts";
import {
  benchDatabase,
  freePort,
  loadAverage,
  postgresBase,
  printRow,
  waitUntil,
  npmStartCommand,
} from "./lib.ts";

const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const MESSAGES_PER_CYCLE = Number(process.env.CRASH_MESSAGES ?? 300);
const REQUESTS_PER_CYCLE = Number(process.env.CRASH_REQUESTS ?? 40);
const CONNECTIONS = 10;
const PIN_BURST = 10;
const TOKEN = "crash-admin-token";
const call = caller(TOKEN);
const SENDER = "crash-bench@example.test";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ports {
  identity: number;
  sms: number;
  smtp: number;
  mail: number;
  postal: number;
  portal: number;
}

/** The stack in a process group of its own (so SIGKILL reaches every process of it), ready when all /health answer. */
async function startStack(ports: Ports, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const child = spawn(...npmStartCommand(), {
    cwd: root,
    env: {
      // An undefined value leaves the variable out (spawn ignores it): DATABASE_URL unset means PGlite.
      ...process.env,
      ...env,
      IDENTITY_PORT: String(ports.identity),
      SMS_PORT: String(ports.sms),
      SMTP_PORT: String(ports.smtp),
      MAIL_HTTP_PORT: String(ports.mail),
      POSTAL_PORT: String(ports.postal),
      PORTAL_PORT: String(ports.portal),
      SIM_ADMIN_TOKEN: TOKEN,
      SIM_START: "2026-03-02T09:00:00Z",
      SIM_SEED: "crash",
      HASH_PROFILE: "fast",
      OUTBOX_POLL_MS: "50",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) =>
      reject(new Error(`stack exited (${code ?? signal}) before it answered`)),
    ),
  );
  const ready = waitUntil(
    async () => {
      const answers = await Promise.all(
        [ports.identity, ports.sms, ports.mail, ports.postal].map((p) =>
          fetch(`http://127.0.0.1:${p}/health`).then(
            (r) => r.ok,
            () => false,
          ),
        ),
      );
      return answers.every(Boolean);
    },
    180_000,
    50,
  );
  await Promise.race([ready, exited]);
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, signal);
  await Promise.race([exited, sleep(15_000)]);
}

type Person = Persona & { channel: "email" | "sms" };

/** The load: SMTP senders and PIN requests that keep trying while the stack is down, counting only what was acknowledged. */
function startLoad(ports: Ports, label: string) {
  const acked: string[] = [];
  const accepted: Person[] = [];
  let sent = 0;
  let attempts = 0;
  let running = true;
  const transport = createTransport({
    host: "127.0.0.1",
    port: ports.smtp,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: 5_000,
    socketTimeout: 15_000,
  });
  const smtpWorker = async (w: number) => {
    while (running) {
      const id = `crash-${label}-${w}-${sent++}@bench.example.test`;
      try {
        await transport.sendMail({
          from: SENDER,
          to: `inbox-${w}@bench.example.test`,
          subject: `crash ${id}`,
          text: `message ${id}\n`,
          messageId: `<${id}>`,
        });
        acked.push(id);
      } catch {
        // No 250: the stack is down or was killed during the exchange; the message is not counted.
        await sleep(100);
      }
    }
  };
  const random = seededRandom(`crash-people-${label}`);
  const pinWorker = async () => {
    while (running) {
      const people: Person[] = Array.from({ length: PIN_BURST }, () => ({
        ...randomPersona(random),
        channel: attempts++ % 2 ? "sms" : "email",
      }));
      const answers = await Promise.all(
        people.map((p) =>
          call(`http://127.0.0.1:${ports.identity}/api/v1/pin-requests`, "POST", {
            fiscalCode: p.fiscalCode,
            firstName: p.firstName,
            lastName: p.lastName,
            gender: p.gender,
            birthDate: p.birthDate,
            birthPlace: p.birthPlace,
            residence: p.residence,
            contacts: { email: p.email, mobile: p.mobile },
            deliveryProfile: "digital-then-post",
            firstHalfChannel: p.channel,
          }).then(
            async (r) => {
              await r.arrayBuffer();
              return r.status;
            },
            () => 0,
          ),
        ),
      );
      answers.forEach((status, i) => status === 202 && accepted.push(people[i]!));
      if (answers.some((s) => s === 0)) await sleep(100);
    }
  };
  const workers = [...Array.from({ length: CONNECTIONS }, (_, w) => smtpWorker(w)), pinWorker()];
  return {
    acked,
    accepted,
    async stop() {
      running = false;
      await Promise.all(workers);
      transport.close();
    },
  };
}

async function run(label: string, env: Record<string, string | undefined>): Promise<void> {
  const [identity, sms, smtp, mail, postal, portal] = await Promise.all(
    Array.from({ length: 6 }, () => freePort()),
  );
  const ports: Ports = {
    identity: identity!,
    sms: sms!,
    smtp: smtp!,
    mail: mail!,
    postal: postal!,
    portal: portal!,
  };
  const started = performance.now();
  let stack = await startStack(ports, env);
  const load = startLoad(ports, label.toLowerCase());
  const restartMs: number[] = [];
  try {
    for (let k = 0; k < KILLS; k++) {
      const [m0, r0] = [load.acked.length, load.accepted.length];
      // Kill once this cycle has its share of acknowledged work, at a moment the load chose, not between requests.
      await waitUntil(
        async () =>
          load.acked.length - m0 >= MESSAGES_PER_CYCLE && load.accepted.length - r0 >= REQUESTS_PER_CYCLE,
        300_000,
        20,
      );
      await kill(stack, "SIGKILL");
      const t = performance.now();
      stack = await startStack(ports, env);
      restartMs.push(performance.now() - t);
    }
    const [m0, r0] = [load.acked.length, load.accepted.length];
    await waitUntil(
      async () =>
        load.acked.length - m0 >= MESSAGES_PER_CYCLE && load.accepted.length - r0 >= REQUESTS_PER_CYCLE,
      300_000,
      20,
    );
    await load.stop();

    const base = `http://127.0.0.1:${ports.identity}`;
    // What the killed process had claimed stays leased for a while in wall-clock time (twice the send timeout and a
    // second: 11 s by default), so no dispatcher takes over a live one's send; simulated time cannot shorten that.
    let pending = Number.POSITIVE_INFINITY;
    const drainUntil = performance.now() + 90_000;
    while (pending > 0 && performance.now() < drainUntil) {
      await json(call(`${base}/__sim/clock`, "POST", { advanceBy: "PT15M" }));
      await json(call(`${base}/__sim/outbox/drain`, "POST"));
      pending = (await json<{ messages: unknown[] }>(call(`${base}/__sim/outbox?status=pending`))).messages
        .length;
      if (pending) await sleep(1000);
    }
    const dead = (await json<{ messages: unknown[] }>(call(`${base}/__sim/outbox?status=dead`))).messages
      .length;
    // Letters travel for working days.
    await json(call(`${base}/__sim/clock`, "POST", { advanceBy: "P20D" }));

    // Every stored message of ours, by Message-ID, through the Mailpit list.
    const stored = new Map<string, number>();
    const mailApi = `http://127.0.0.1:${ports.mail}`;
    for (let start = 0; ;) {
      const page = await json<{ messages: { MessageID: string }[] }>(
        call(`${mailApi}/api/v1/messages?start=${start}&limit=0`),
      );
      for (const m of page.messages)
        if (m.MessageID.startsWith("crash-")) stored.set(m.MessageID, (stored.get(m.MessageID) ?? 0) + 1);
      if (!page.messages.length) break;
      start += page.messages.length;
    }
    let smtpLost = 0;
    for (const id of load.acked) if (!stored.has(id)) smtpLost++;
    const smtpDuplicated = [...stored.values()].reduce((n, c) => n + c - 1, 0);

    const { lost, duplicated, duplicates } = await countDeliveries(
      load.accepted,
      { sms: `http://127.0.0.1:${ports.sms}`, mail: mailApi, postal: `http://127.0.0.1:${ports.postal}` },
      call,
    );
    const seconds = (performance.now() - started) / 1000;
    const restarts = restartMs.map((ms) => (ms / 1000).toFixed(1)).join(", ");
    printRow(`${label}: kill -9 / restarts`, `${KILLS} / ${restartMs.length} (${restarts} s)`);
    printRow(`${label}: SMTP messages acknowledged (250)`, String(load.acked.length));
    printRow(`${label}: SMTP acknowledged, lost`, String(smtpLost), "0", smtpLost === 0);
    printRow(`${label}: SMTP stored twice`, String(smtpDuplicated), "0", smtpDuplicated === 0);
    printRow(`${label}: PIN requests accepted (202)`, String(load.accepted.length));
    printRow(`${label}: PIN messages lost`, String(lost), "0", lost === 0);
    printRow(
      `${label}: PIN messages duplicated`,
      `${duplicated}${duplicates.length ? ` (${duplicates.slice(0, 10).join(", ")})` : ""}`,
      "0",
      duplicated === 0,
    );
    printRow(
      `${label}: outbox left pending / dead`,
      `${pending} / ${dead}`,
      "0 / 0",
      pending === 0 && dead === 0,
    );
    printRow(`${label}: wall time`, `${seconds.toFixed(1)} s`);
    if (smtpLost || smtpDuplicated || lost || duplicated || pending || dead) process.exitCode = 1;
  } finally {
    await load.stop();
    await kill(stack, "SIGINT");
    await kill(stack, "SIGKILL");
  }
}

process.stdout.write(`${loadAverage()}\n`);
const dataDir = mkdtempSync(join(tmpdir(), "inps-crash-"));
try {
  await run("PGlite", { DATA_DIR: dataDir, DATABASE_URL: undefined });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const base = await postgresBase();
if (base) {
  const db = await benchDatabase(base, "crash");
  try {
    await run("PostgreSQL", { DATABASE_URL: db.url });
  } finally {
    await db.drop();
  }
} else {
  process.stdout.write("PostgreSQL: not reachable, skipped\n");
}
process.stdout.write(`${loadAverage()}\n`);
