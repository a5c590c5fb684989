// Start-up of `npm start` until every /health answers: first start (empty data directory) and restarts;
// then the idle memory of the running stack. Targets: restart ≤ 1.5 s median, first start ≤ 5 s, ≤ 250 MB.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, freePort, median, treeRssMb, waitUntil } from "./lib.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 5);

async function startOnce(dataDir: string): Promise<{ ms: number; child: ChildProcess; ports: number[] }> {
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const [identity, sms, smtp, mail, postal] = ports as [number, number, number, number, number];
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
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
    detached: true,
  });
  const healthy = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok;
  await waitUntil(async () => {
    const results = await Promise.all([identity, sms, mail, postal].map((p) => healthy(p)().catch(() => false)));
    return results.every(Boolean);
  }, 60_000);
  return { ms: performance.now() - started, child, ports };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGINT");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

const dataDir = mkdtempSync(join(tmpdir(), "inps-bench-"));
try {
  const first = await startOnce(dataDir);
  await stop(first.child);
  const restarts: number[] = [];
  let last: Awaited<ReturnType<typeof startOnce>> | undefined;
  for (let i = 0; i < RESTARTS; i++) {
    last = await startOnce(dataDir);
    restarts.push(last.ms);
    if (i < RESTARTS - 1) await stop(last.child);
  }
  await new Promise((r) => setTimeout(r, 3_000)); // let start-up garbage settle before reading memory
  const rss = treeRssMb(last!.child.pid!);
  await stop(last!.child);

  const rows = [
    ["first start (empty data directory)", fmt(first.ms), "≤ 5 s", first.ms <= 5000],
    [`restart, median of ${RESTARTS}`, fmt(median(restarts)), "≤ 1.5 s", median(restarts) <= 1500],
    ["restarts", restarts.map(fmt).join(", "), "", true],
    ["idle memory, the stack's process", `${rss.largest.mb.toFixed(0)} MB RSS`, "≤ 250 MB", rss.largest.mb <= 250],
    ["idle memory, with npm's own processes", `${rss.total.toFixed(0)} MB RSS`, "", true],
  ] as const;
  for (const [what, value, target, ok] of rows) {
    process.stdout.write(`${what.padEnd(40)} ${value.padEnd(36)} ${target ? `${target} ${ok ? "met" : "MISSED"}` : ""}\n`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
