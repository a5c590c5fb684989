// The pace of the feature suite (issue 13): the whole `npm run test:features` as a person types it at the repository's
// root (npm, the bundle check, Cucumber's coordinator and workers, each worker's embedded stack, the rules report),
// BENCH_RUNS times (3). For each run: wall time, CPU time (user + system of the whole process tree), the scenarios
// Cucumber counted and how many passed, scenarios per second of wall time; then the median, against the target of
// at least 6 scenarios/s. The CPU time is the figure to compare on a shared machine: its load stretches wall time.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, loadAverage, median, printRow } from "./lib.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = 6;

interface Run {
  ms: number;
  cpuMs: number;
  scenarios: number;
  passed: number;
  status: number;
}

/** user + system CPU of this process's children that were waited for, in ms (/proc/self/stat: cutime, cstime). */
function childrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** One `npm run test:features`; Cucumber's summary line gives the scenarios. */
async function runOnce(): Promise<Run> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn("npm", ["run", "test:features"], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const ms = performance.now() - started;
  const summary = /^(\d+) scenarios? \(([^)]*)\)/m.exec(output);
  const passed = Number(/(\d+) passed/.exec(summary?.[2] ?? "")?.[1] ?? 0);
  if (status !== 0) process.stdout.write(output.split("\n").slice(-40).join("\n") + "\n");
  return { ms, cpuMs: childrenCpuMs() - cpuBefore, scenarios: Number(summary?.[1] ?? 0), passed, status };
}

process.stdout.write(`${loadAverage()}; ${RUNS} runs of npm run test:features\n`);
// The bundles and the PGlite template current first, so the first run measures the suite, not a build.
const build = spawn(process.execPath, [join(root, "apps", "stack", "scripts", "build.mjs")], {
  cwd: root,
  stdio: "ignore",
});
await new Promise((resolve) => build.on("close", resolve));

const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  const run = await runOnce();
  runs.push(run);
  const rate = run.scenarios / (run.ms / 1000);
  printRow(
    `run ${i + 1}${run.status ? " (FAILED)" : ""}`,
    `${fmt(run.ms)} wall, cpu ${fmt(run.cpuMs)}, ${run.passed}/${run.scenarios} passed, ${rate.toFixed(2)} scenarios/s`,
  );
  process.stdout.write(`  ${loadAverage()}\n`);
}

const wall = median(runs.map((r) => r.ms));
const scenarios = median(runs.map((r) => r.scenarios));
const rate = scenarios / (wall / 1000);
printRow("wall time (median)", fmt(wall));
printRow("CPU time, user + system (median)", fmt(median(runs.map((r) => r.cpuMs))));
printRow(
  "scenarios",
  `${scenarios}, all passed in ${runs.filter((r) => r.status === 0).length} of ${RUNS} runs`,
);
printRow("scenarios/s of wall time", rate.toFixed(2), `≥ ${TARGET}/s`, rate >= TARGET);
process.stdout.write(`${loadAverage()}\n`);
if (runs.some((r) => r.status !== 0)) process.exitCode = 1;
