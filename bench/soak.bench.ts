// Memory under load (issue 16): the stack as `npm start` runs it, on a fresh DATA_DIR, stores BENCH_MESSAGES
// (100,000) SMS messages through POST /api/v1/messages, 10 connections; every tenth of them it prints the stack's
// RSS and the size of PGlite's WAL (pg_wal), then the same after BENCH_SETTLE_MS (30 s) of rest.
// PGlite has no checkpointer: without packages/db's periodic checkpoint the WAL grew to ~2.2 GB after 100,000.
// Targets: RSS after the messages ≤ 2× idle, and flat (no growth in the rest); the WAL bounded.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cannon, freePort, loadAverage, printRow, rssMb, waitUntil, npmStartCommand } from "./lib.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const STEP = Math.max(1, Math.round(MESSAGES / 10));
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 30_000);

const PREFIXES = ["320", "328", "333", "338", "340", "347", "349", "366", "380", "393"];
let next = 0;
const body = () => {
  const i = next++;
  const to = `+39${PREFIXES[i % PREFIXES.length]!}${String(1_000_000 + ((i * 104_729) % 9_000_000)).padStart(7, "0")}`;
  return JSON.stringify({
    to,
    text: `INPS: il suo codice di verifica è ${100000 + ((i * 7919) % 900000)}. Non comunicarlo a nessuno.`,
  });
};

const walMb = (dir: string) =>
  readdirSync(dir).reduce(
    (sum, f) => sum + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0),
    0,
  ) /
  2 ** 20;

const dataDir = mkdtempSync(join(tmpdir(), "inps-bench-soak-"));
const [identity, sms, smtp, mail, postal] = await Promise.all([
  freePort(),
  freePort(),
  freePort(),
  freePort(),
  freePort(),
]);
const child = spawn(...npmStartCommand(), {
  cwd: root,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    IDENTITY_PORT: String(identity),
    SMS_PORT: String(sms),
    SMTP_PORT: String(smtp),
    MAIL_HTTP_PORT: String(mail),
    POSTAL_PORT: String(postal),
    SIM_ADMIN_TOKEN: "bench-admin-token",
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${sms}/health`)).ok, 120_000, 50);
  await new Promise((r) => setTimeout(r, 5_000));
  const wal = join(dataDir, "pglite", "pg_wal");
  const idle = rssMb(child.pid!);
  process.stdout.write(`${loadAverage()}\n`);
  printRow("idle, before any message", `RSS ${idle.toFixed(0)} MB, WAL ${walMb(wal).toFixed(0)} MB`);
  let stored = 0;
  let peak = idle;
  let failed = 0;
  const started = performance.now();
  while (stored < MESSAGES) {
    const amount = Math.min(STEP, MESSAGES - stored);
    const result = await cannon({
      url: `http://127.0.0.1:${sms}/api/v1/messages`,
      method: "POST",
      connections: 10,
      amount,
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
    });
    stored += amount;
    failed += result.non2xx + result.errors;
    const rss = rssMb(child.pid!);
    peak = Math.max(peak, rss);
    printRow(
      `${stored.toLocaleString("en")} messages`,
      `RSS ${rss.toFixed(0)} MB, WAL ${walMb(wal).toFixed(0)} MB, ${result.requests.average.toFixed(0)} msg/s`,
    );
  }
  const after = rssMb(child.pid!);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const rested = rssMb(child.pid!);
  printRow(
    `after ${SETTLE_MS / 1000} s of rest`,
    `RSS ${rested.toFixed(0)} MB, WAL ${walMb(wal).toFixed(0)} MB`,
  );
  printRow(
    "RSS after the messages / idle",
    `${(after / idle).toFixed(2)}× (peak ${peak.toFixed(0)} MB)`,
    "≤ 2×",
    after <= 2 * idle,
  );
  printRow(
    "RSS growth during the rest",
    `${(rested - after).toFixed(0)} MB`,
    "flat (≤ 10 MB)",
    rested - after <= 10,
  );
  printRow("failed requests", String(failed), "0", failed === 0);
  printRow("time", `${((performance.now() - started) / 1000).toFixed(0)} s; ${loadAverage()}`);
} finally {
  child.kill("SIGINT");
  await new Promise((r) => child.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
