#!/usr/bin/env -S npx tsx
// `npm start`: the whole stack in one process on the embedded database.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { makeScratchDir } from "./scratch-dir.ts";

const HELP = `Usage: npm start [-- options]

Starts the INPS PIN simulator: the identity service and the SMS, mail and postal gateways,
in one process, on an embedded PostgreSQL (PGlite) kept in DATA_DIR (default .data).

Options:
  --reset        wipe the embedded database (and simulated time) before starting
  --memory       keep nothing: the database lives in a temporary directory, removed at exit;
                 nothing is read from or written to DATA_DIR
  -h, --help     show this help

Environment (see docs/configuration.md for all of it):
  IDENTITY_PORT=4000  SMS_PORT=4010  SMTP_PORT=1025  MAIL_HTTP_PORT=8025  POSTAL_PORT=4030  PORTAL_PORT=4040
                      a port of 0 takes a free one
  DATA_DIR=.data      where the embedded database lives
  DATABASE_URL        postgres://… to use a PostgreSQL server instead of the embedded one
  SIM_ADMIN_TOKEN     control-plane token (generated and printed when unset)
  OPERATOR_TOKENS     operatorId:token pairs for the contact-centre API (one generated and printed when unset)
  SIM_START           first instant of simulated time, e.g. 2026-01-15T09:00:00Z
  SIM_SEED            seed of every simulated random draw (faults, postal delays)
  SIM_CONTROL=off     remove the /__sim control plane
  LOG_LEVEL=info      fatal, error, warn, info, debug, trace or silent
`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        reset: { type: "boolean" },
        memory: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  // Loaded after the arguments are read: --help and a typo answer at once. The database starts opening before the
  // services' code loads: PGlite reads and compiles its WebAssembly while the main thread evaluates that code.
  const [{ ConfigError }, { readStackConfig }, { openStackDatabase }] = await Promise.all([
    import("@inps-sim/service-kit"),
    import("./stack-config.ts"),
    import("./stack-database.ts"),
  ]);
  try {
    const config = readStackConfig();
    // npm runs this script inside apps/stack; a relative DATA_DIR means the directory npm was started from.
    const base = process.env.INIT_CWD ?? process.cwd();
    // --memory: a temporary data directory, removed at exit (see scratch-dir.ts), instead of DATA_DIR.
    const scratch = args.memory && !config.DATABASE_URL ? makeScratchDir() : undefined;
    const dataDir = scratch
      ? scratch.path
      : args.memory || config.DATABASE_URL
        ? undefined
        : resolve(base, config.DATA_DIR);
    if (args.reset) {
      if (config.DATABASE_URL) {
        console.error("--reset wipes the embedded database only; with DATABASE_URL use POST /__sim/reset.");
        return 2;
      }
      if (dataDir && !scratch) rmSync(dataDir, { recursive: true, force: true });
    }
    const database = openStackDatabase({ databaseUrl: config.DATABASE_URL, dataDir });
    database.catch(() => undefined); // awaited by startStack: a failure is reported there, not as unhandled
    const [{ renderBanner }, { startStack }] = await Promise.all([
      import("./banner.ts"),
      import("./start-stack.ts"),
    ]);
    const stack = await startStack({
      database,
      adminToken: config.SIM_ADMIN_TOKEN,
      simStart: config.SIM_START,
    });
    // performance.now() counts from the process's start, so the figure includes loading the code.
    process.stdout.write(
      renderBanner(stack, {
        startupMs: performance.now(),
        color: process.stdout.isTTY,
        memory: scratch !== undefined,
      }),
    );
    await new Promise<void>((done) => {
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130); // a second Ctrl-C does not wait
        stopping = true;
        process.stdout.write("\nStopping…\n");
        stack.close().then(done, done);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    console.error(`The stack could not start: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
