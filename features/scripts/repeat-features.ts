// `npm run test:features:repeat -- --runs 20`: the suite again and again against one long-lived stack, as a team's
// CI leaves one running for days. Whatever only shows on a stack that has seen earlier runs (a key that repeats, an
// inbox that is not empty, a clock far from its start, a counter left behind) fails here and nowhere else.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { missingChromium } from "@inps-sim/chromium";
import { freshBundle } from "@inps-sim/stack/bundle";

const HELP = `Usage: npm run test:features:repeat -- [--runs N] [--profile NAME] [--bail] [-- cucumber options and paths]

Runs the feature suite N times in a row against one long-lived stack, and exits non-zero if any run failed.

Without STACK_URL it starts one stack as \`npm start\` does (node apps/stack/bin/run.mjs stack), on free ports and a
temporary DATA_DIR, runs the suite against it N times without restarting it, then stops it and deletes the data.
With STACK_URL and SIM_ADMIN_TOKEN it uses that running stack instead (STACK_LOG: the file its output goes to).

Options:
  --runs N         how many runs (default 20)
  --profile NAME   the Cucumber profile of every run (default: CUCUMBER_PROFILE, else "default"; "ui" plays the
                   @ui journeys through the portal in Chromium)
  --bail           stop after the first failed run
  -h, --help       show this help

After \`--\`, options and paths for cucumber-js, run in features/ (paths from there: identity/journeys/expiry.feature).
Each run's output goes to features/reports/repeat/run-NN.log, the stack's to features/reports/repeat/stack.log.
`;

const featuresDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(featuresDir, "..");
const reportsDir = join(featuresDir, "reports", "repeat");
const cucumberBin = join(
  dirname(createRequire(import.meta.url).resolve("@cucumber/cucumber/package.json")),
  "bin",
  "cucumber.js",
);

interface Options {
  runs: number;
  profile: string;
  bail: boolean;
  cucumberArgs: string[];
}

function readOptions(argv: string[]): Options | number {
  const dash = argv.indexOf("--");
  const own = dash === -1 ? argv : argv.slice(0, dash);
  let values;
  try {
    values = parseArgs({
      args: own,
      options: {
        runs: { type: "string", default: "20" },
        profile: { type: "string" },
        bail: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs takes a whole number of runs, 1 or more, not "${values.runs}"\n`);
    return 2;
  }
  return {
    runs,
    profile: values.profile ?? process.env.CUCUMBER_PROFILE ?? "default",
    bail: values.bail,
    cucumberArgs: dash === -1 ? [] : argv.slice(dash + 1),
  };
}

/** A port nobody listens on now (the stack's identity service takes it; the rest take their own, port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

interface Stack {
  url: string;
  adminToken: string;
  logFile?: string;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<number>((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else child.once("exit", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });

/** One stack as `npm start` runs it, on free ports and a DATA_DIR of its own, ready when its /health answers. */
async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), "inps-sim-repeat-"));
  const logFile = join(reportsDir, "stack.log");
  const log = createWriteStream(logFile, { flags: "w" });
  const port = await freePort();
  const adminToken = `sim_${randomBytes(16).toString("hex")}`;
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    IDENTITY_PORT: String(port),
    SMS_PORT: "0",
    SMTP_PORT: "0",
    MAIL_HTTP_PORT: "0",
    POSTAL_PORT: "0",
    PORTAL_PORT: "0",
    SIM_ADMIN_TOKEN: adminToken,
    // As the suite's embedded stacks: a production argon2id hash per PIN only slows every login down.
    HASH_PROFILE: process.env.HASH_PROFILE ?? "fast",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  delete env.DATABASE_URL; // the stack's own PGlite in DATA_DIR, whatever the shell has
  const child = spawn(process.execPath, [join(root, "apps", "stack", "bin", "run.mjs"), "stack"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  // However this process ends (Ctrl-C, a closed terminal, an error), the stack and its data go with it.
  process.once("exit", () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited(child);
    }
    await new Promise((done) => log.end(done));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the stack exited with ${child.exitCode} before it answered:\n${tail(logFile, 20)}`);
    }
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return { url, adminToken, logFile, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the stack did not answer at ${url}/health within 180 s:\n${tail(logFile, 20)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function tail(file: string, lines: number): string {
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

interface RunResult {
  status: number;
  seconds: number;
  /** Cucumber's own count, "120 scenarios (120 passed)". */
  scenarios: string;
  logFile: string;
}

/** The run under way, and whether Ctrl-C asked to stop (no run starts after it). */
const running: { suite?: ChildProcess; interrupted: boolean } = { interrupted: false };

async function runSuite(n: number, options: Options, stack: Stack): Promise<RunResult> {
  const logFile = join(reportsDir, `run-${String(n).padStart(2, "0")}.log`);
  const out = createWriteStream(logFile, { flags: "w" });
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [cucumberBin, "--profile", options.profile, ...options.cucumberArgs],
    {
      cwd: featuresDir,
      env: {
        ...process.env,
        STACK_URL: stack.url,
        SIM_ADMIN_TOKEN: stack.adminToken,
        ...(stack.logFile ? { STACK_LOG: stack.logFile } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.suite = child;
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const status = await exited(child);
  await new Promise((done) => out.end(done));
  const seconds = (performance.now() - started) / 1000;
  const scenarios = /^\d+ scenarios? \(.*\)$/m.exec(readFileSync(logFile, "utf8"))?.[0] ?? "no summary";
  return { status, seconds, scenarios, logFile };
}

/** A path from where the person ran npm (npm runs this script inside features/). */
const shown = (path: string) => relative(process.env.INIT_CWD ?? process.cwd(), path) || path;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === "number") return options;
  if (options.profile === "ui") {
    const missing = missingChromium();
    if (missing) {
      process.stderr.write(`The @ui journeys cannot run:\n${missing}\n`);
      return 1;
    }
  }
  mkdirSync(reportsDir, { recursive: true });
  // Scenarios tagged @stack-in-2016 start an embedded stack of their own in the run: from the bundle, when fresh.
  await freshBundle("start-stack");

  let stack: Stack;
  if (process.env.STACK_URL) {
    if (!process.env.SIM_ADMIN_TOKEN) {
      process.stderr.write("STACK_URL is set: also set SIM_ADMIN_TOKEN (the stack prints it)\n");
      return 2;
    }
    const given = process.env.STACK_LOG;
    stack = {
      url: process.env.STACK_URL,
      adminToken: process.env.SIM_ADMIN_TOKEN,
      ...(given ? { logFile: given } : {}),
      stop: async () => {},
    };
    process.stdout.write(`Against the running stack at ${stack.url}\n`);
  } else {
    process.stdout.write("Starting one stack (npm start, free ports, a temporary DATA_DIR)…\n");
    const startedAt = performance.now();
    stack = await startStack();
    process.stdout.write(
      `The stack answers at ${stack.url} after ${((performance.now() - startedAt) / 1000).toFixed(1)} s; its log: ${shown(stack.logFile!)}\n`,
    );
  }
  // Ctrl-C ends the run under way, starts no other, and stops the stack (which takes its temporary data with it).
  // npm, in front of this script, is gone by then: a line written to its closed pipe must not end the clean-up.
  const interrupted = () => {
    running.interrupted = true;
    process.stdout.on("error", () => {});
    running.suite?.kill("SIGINT");
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  process.stdout.write(
    `${options.runs} runs of profile ${options.profile}${options.cucumberArgs.length ? ` (${options.cucumberArgs.join(" ")})` : ""}, load ${load()}\n`,
  );
  const results: RunResult[] = [];
  const began = performance.now();
  try {
    for (let n = 1; n <= options.runs; n++) {
      const result = await runSuite(n, options, stack);
      results.push(result);
      const verdict = result.status === 0 ? "passed" : "FAILED";
      process.stdout.write(
        `run ${n}/${options.runs}  ${verdict}  ${result.seconds.toFixed(1)} s  ${result.scenarios}  load ${load()}\n`,
      );
      if (result.status !== 0) {
        process.stdout.write(`  see ${shown(result.logFile)}\n`);
        if (options.bail) break;
      }
      if (running.interrupted) break;
    }
  } finally {
    await stack.stop();
  }
  const passed = results.filter((r) => r.status === 0).length;
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const total = (performance.now() - began) / 1000;
  const middle = seconds.length / 2;
  const median =
    seconds.length % 2 ? seconds[Math.floor(middle)]! : (seconds[middle - 1]! + seconds[middle]!) / 2;
  process.stdout.write(
    `\n${passed}/${options.runs} runs passed, ${results.length - passed} failed; ${total.toFixed(1)} s in all ` +
      `(per run: min ${seconds[0]?.toFixed(1)} s, median ${median.toFixed(1)} s, max ${seconds.at(-1)?.toFixed(1)} s); load ${load()}\n`,
  );
  if (running.interrupted) return 130;
  return passed === options.runs ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  return 1;
});
