// Small helpers the benchmarks share: free ports, polling, percentiles, a process tree's memory, child servers,
// a PostgreSQL database of a benchmark's own, autocannon.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { nodeFlags } from "../apps/stack/bin/node-flags.mjs";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const median = (xs: number[]) => percentile(xs, 50);

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
export function treeRssMb(rootPid: number): {
  total: number;
  largest: { pid: number; cmd: string; mb: number };
} {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  let largest = { pid: rootPid, cmd: "", mb: 0 };
  const visit = (pid: number) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const mb = kb / 1024;
      total += mb;
      if (mb > largest.mb) {
        largest = { pid, cmd: readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim(), mb };
      }
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return { total, largest };
}

export const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ---- gateway benchmarks: servers in child processes, a database of their own, autocannon, report rows ----

/** One row of a benchmark's table: what, the figure, and the target with "met"/"MISSED" (or nothing). */
export function printRow(what: string, value: string, target?: string, ok?: boolean): void {
  const verdict = target ? `${target} ${ok ? "met" : "MISSED"}` : "";
  process.stdout.write(`${what.padEnd(50)} ${value.padEnd(40)} ${verdict}`.trimEnd() + "\n");
}

/** The 1-, 5- and 15-minute load averages, to print next to figures taken on a shared machine. */
export const loadAverage = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} (${cpus().length} cores)`;

/** Resident memory of one process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * The stack's command line exactly as `npm start` runs it (the root package.json's start script), from the
 * repository's root: `node <flags> apps/stack/bin/run.mjs stack`, with this node.
 */
export function npmStartCommand(extra: string[] = []): [string, string[]] {
  const root = join(benchDir, "..");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.split(" ");
  if (node !== "node") throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return [process.execPath, [...args.map((a) => (a.startsWith("apps/") ? join(root, a) : a)), ...extra]];
}

export interface ChildServer {
  pid: number;
  info: Record<string, unknown> & { http?: number; smtp?: number };
  stop(): Promise<void>;
}

const benchDir = dirname(fileURLToPath(import.meta.url));

/**
 * Starts `node args…` and waits for its first stdout line that parses as JSON with `ready: true` (serve.ts
 * prints one), or for `readyWhen` to succeed. Stopping sends SIGTERM, then SIGKILL after 10 s.
 */
export async function startChild(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
    readyWhen?: () => Promise<boolean>;
  } = {},
): Promise<ChildServer> {
  // With the flags the services run with (npm start's), so a server's memory and speed are those it has in use;
  // BENCH_NODE_FLAGS replaces them (an A/B: BENCH_NODE_FLAGS= runs node's defaults).
  const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? nodeFlags;
  const child = spawn(process.execPath, [...flags, ...args], {
    cwd: benchDir,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", ...options.env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const info = await new Promise<ChildServer["info"]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${args.join(" ")}: not ready within ${options.timeoutMs ?? 120_000} ms`)),
        options.timeoutMs ?? 120_000,
      );
      child.once("exit", (code) =>
        reject(new Error(`${args.join(" ")} exited with ${code} before it was ready`)),
      );
      if (options.readyWhen) {
        const check = options.readyWhen;
        void waitUntil(check, options.timeoutMs ?? 120_000, 100).then(() => {
          clearTimeout(timer);
          resolve({});
        }, reject);
      }
      let buffered = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        let nl;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          try {
            const parsed = JSON.parse(line) as ChildServer["info"] & { ready?: boolean };
            if (parsed.ready) {
              clearTimeout(timer);
              resolve(parsed);
            }
          } catch {
            // not ours: a server's own output
          }
        }
      });
    });
    return { pid: child.pid!, info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts bench/serve.ts (mail, sms, sink or floor) on `databaseUrl` (unset: PGlite in memory). */
export const startServer = (
  kind: "mail" | "sms" | "sink" | "floor",
  databaseUrl?: string,
  env: Record<string, string> = {},
) =>
  startChild(["--import", "tsx", join(benchDir, "serve.ts"), kind], {
    env: { DATABASE_URL: databaseUrl ?? "", ...env },
    timeoutMs: 15 * 60_000,
  });

/** A PostgreSQL server to benchmark on: DATABASE_URL, or the local one at 127.0.0.1:5432 if it answers. */
export async function postgresBase(): Promise<string | undefined> {
  const base = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const client = postgres(base, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return base;
  } catch {
    return undefined;
  } finally {
    await client.end({ timeout: 1 });
  }
}

const openDatabases = new Set<() => Promise<void>>();
let interruptHooked = false;

/**
 * Creates a database of the benchmark's own (`inps_bench_<label>_<pid>`; BENCH_DB_PREFIX replaces `inps_bench_` on a
 * server shared with others); `drop()` removes it, connections and all.
 * An interrupted benchmark (SIGINT, SIGTERM) drops the databases it still has before it exits.
 */
export async function benchDatabase(
  base: string,
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const prefix = process.env.BENCH_DB_PREFIX ?? "inps_bench_";
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(prefix))
    throw new Error("BENCH_DB_PREFIX: lower-case letters, digits and _ only");
  const name = `${prefix}${label}_${process.pid}`;
  const admin = postgres(new URL("/postgres", base).toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const drop = async () => {
    openDatabases.delete(drop);
    try {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end({ timeout: 2 });
    }
  };
  openDatabases.add(drop);
  if (!interruptHooked) {
    interruptHooked = true;
    const onSignal = () =>
      void Promise.allSettled([...openDatabases].map((d) => d())).then(() => process.exit(130));
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
  return { url: new URL(`/${name}`, base).toString(), drop };
}

export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  "2xx": number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;

/** autocannon (it ships no types; the fields used are typed above). */
export async function cannon(options: Record<string, unknown>): Promise<CannonResult> {
  // @ts-expect-error autocannon ships no types
  const mod = (await import("autocannon")) as unknown as { default: Cannon };
  return mod.default(options);
}
