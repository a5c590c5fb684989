// Start-up of the stack until every /health answers, and its idle memory (issue 16):
//  - floors: a bare `node -e ''`, and a PGlite open of an existing data directory in a process of its own;
//  - first start on a fresh DATA_DIR, restart on that DATA_DIR, and `--memory`, each the median of BENCH_RUNS (5);
//  - the idle RSS of the stack's process BENCH_SETTLE_MS (5 s) after it answered, after each kind of start;
//  - the CPU time the process spent until it answered (user + system), which a busy machine moves less than wall time.
// The stack runs as `npm start` runs it (the root package.json's start script: node, its flags, apps/stack/bin/run.mjs
// stack); one more row adds npm's own cost. The PGlite floor opens PGlite as the stack does: the same settings and
// extension, the same node flags and WebAssembly tiering budget.
// Targets: first start ≤ 3 s, restart ≤ 1.0 s, idle ≤ 220 MB after either, --memory within 50 MB of that.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGLITE_SETTINGS } from "@inps-sim/db";
import { nodeFlags, wasmTieringBudget } from "../apps/stack/bin/node-flags.mjs";
import { fmt, freePort, loadAverage, median, npmStartCommand, printRow, rssMb, waitUntil } from "./lib.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);

interface Start {
  ms: number;
  cpuMs: number;
  rss: number;
}

/** user + system CPU of one process so far, in ms (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startOnce(options: { dataDir?: string; args?: string[]; viaNpm?: boolean }): Promise<Start> {
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const [identity, sms, smtp, mail, postal] = ports as [number, number, number, number, number];
  const started = performance.now();
  const [command, args] = options.viaNpm
    ? ["npm", ["start", "--silent", "--", ...(options.args ?? [])]]
    : npmStartCommand(options.args);
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
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
  try {
    await waitUntil(
      async () => {
        const answers = await Promise.all(
          [identity, sms, mail, postal].map((p) =>
            fetch(`http://127.0.0.1:${p}/health`).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        );
        return answers.every(Boolean);
      },
      120_000,
      10,
    );
    const ms = performance.now() - started;
    const pid = stackPid(child);
    const cpu = cpuMs(pid);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return { ms, cpuMs: cpu, rss: rssMb(pid) };
  } finally {
    await stop(child);
  }
}

/** The node process running the stack: the child itself, or under npm the one whose command runs the launcher. */
function stackPid(child: ChildProcess): number {
  const found = spawnSync("pgrep", ["-n", "-g", String(child.pid), "-f", "bin/run.mjs"], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")[0];
  return found ? Number(found) : child.pid!;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid!, "SIGINT");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** Wall time of a process from spawn to exit, median of RUNS. */
function timeProcess(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    times.push(performance.now() - t);
  }
  return median(times);
}

const work = mkdtempSync(join(tmpdir(), "inps-bench-startup-"));
try {
  process.stdout.write(
    `${loadAverage()}; ${RUNS} runs each, memory read ${SETTLE_MS / 1000} s after the stack answered\n`,
  );
  // Make sure the bundles and the template are current, so the first run measures a start, not a build.
  spawnSync(process.execPath, [join(root, "apps", "stack", "scripts", "build.mjs")], {
    cwd: root,
    stdio: "ignore",
  });

  const bare = timeProcess(["-e", ""]);
  const pgdata = join(work, "floor-pgdata");
  cpSync(join(root, "apps", "stack", "dist", "pglite-template", "pgdata"), pgdata, { recursive: true });
  const pgliteOpen = timeProcess([
    ...nodeFlags,
    wasmTieringBudget,
    "--input-type=module",
    "-e",
    `import { PGlite } from "@electric-sql/pglite"; import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
     const db = await PGlite.create({ dataDir: ${JSON.stringify(pgdata)}, postgresqlconf: ${JSON.stringify(PGLITE_SETTINGS)}, extensions: { pg_trgm } });
     await db.query("select 1"); await db.close();`,
  ]);

  const firsts: Start[] = [];
  const restarts: Start[] = [];
  const memories: Start[] = [];
  const viaNpm: Start[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(work, `data-${i}`);
    firsts.push(await startOnce({ dataDir }));
    restarts.push(await startOnce({ dataDir }));
    memories.push(await startOnce({ args: ["--memory"] }));
    viaNpm.push(await startOnce({ dataDir, viaNpm: true }));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const m = (xs: Start[], k: keyof Start) => median(xs.map((x) => x[k]));
  const idle = Math.max(m(firsts, "rss"), m(restarts, "rss"));
  printRow("floor: node -e ''", fmt(bare));
  printRow("floor: PGlite opens a data directory (own process)", fmt(pgliteOpen));
  printRow(
    "first start, fresh DATA_DIR",
    `${fmt(m(firsts, "ms"))} (cpu ${fmt(m(firsts, "cpuMs"))})`,
    "≤ 3 s",
    m(firsts, "ms") <= 3000,
  );
  printRow(
    "restart",
    `${fmt(m(restarts, "ms"))} (cpu ${fmt(m(restarts, "cpuMs"))})`,
    "≤ 1.0 s",
    m(restarts, "ms") <= 1000,
  );
  printRow("restart through npm start", `${fmt(m(viaNpm, "ms"))}`);
  printRow("start --memory", `${fmt(m(memories, "ms"))} (cpu ${fmt(m(memories, "cpuMs"))})`);
  printRow(
    "idle RSS after a first start",
    `${m(firsts, "rss").toFixed(0)} MB`,
    "≤ 220 MB",
    m(firsts, "rss") <= 220,
  );
  printRow(
    "idle RSS after a restart",
    `${m(restarts, "rss").toFixed(0)} MB`,
    "≤ 220 MB",
    m(restarts, "rss") <= 220,
  );
  printRow(
    "idle RSS with --memory",
    `${m(memories, "rss").toFixed(0)} MB`,
    `≤ ${(idle + 50).toFixed(0)} MB`,
    m(memories, "rss") <= idle + 50,
  );
  printRow(
    "runs (first / restart / memory, s)",
    firsts
      .map((f, i) => `${fmt(f.ms)}/${fmt(restarts[i]!.ms)}/${fmt(memories[i]!.ms)}`)
      .join(" ")
      .replaceAll(" s", ""),
  );
  process.stdout.write(`${loadAverage()}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
