#!/usr/bin/env -S npx tsx
// `npm start`: the whole stack in one process on the embedded database.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { DatabaseHandle } from "@inps-sim/db";
import { makeScratchDir, type ScratchDir } from "./scratch-dir.ts";
import type { openStackDatabase as OpenStackDatabase } from "./stack-database.ts";

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
  // Loaded after the arguments are read: --help and a typo answer at once. The embedded database opens before
  // anything else loads: PostgreSQL starts in its worker thread while the configuration is checked and the services'
  // code loads. It needs two settings, read here as the configuration reads them; a value the configuration refuses
  // opens nothing here (the check below reports it), nor does DATABASE_URL (opened once checked).
  const { openStackDatabase } = await import("./stack-database.ts");

  const early =
    process.env.DATABASE_URL === undefined && process.env.DATA_DIR !== ""
      ? openFor(args, { DATA_DIR: process.env.DATA_DIR ?? ".data" }, openStackDatabase)
      : undefined;
  const [{ ConfigError }, { readStackConfig }] = await Promise.all([
    import("@inps-sim/service-kit"),
    import("./stack-config.ts"),
  ]);
  try {
    const config = readStackConfig();
    if (args.reset && config.DATABASE_URL) {
      console.error("--reset wipes the embedded database only; with DATABASE_URL use POST /__sim/reset.");
      return 2;
    }
    const { database, scratch } = early ?? openFor(args, config, openStackDatabase);
    const [{ renderBanner }, { startStack }] = await Promise.all([
      import("./banner.ts"),
      import("./start-stack.ts"),
    ]);
    const stack = await startStack({
      database,
      adminToken: config.SIM_ADMIN_TOKEN,
      simStart: config.SIM_START,
    });
    // PGlite's worker thread ended under the running stack: every query would fail from now on.
    void (await database).lost?.then((error) => {
      console.error(`The stack stopped: ${error.message}`);
      process.exit(1);
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
      // Opened early, before the check: closed, so that it ends as cleanly as a stopped stack's.
      await early?.database.then((handle) => handle.close()).catch(() => undefined);
      return 2;
    }
    console.error(`The stack could not start: ${(error as Error).message}`);
    return 1;
  }
}

/**
 * The stack's database as the options and the two settings ask, opening: --memory's scratch directory instead of
 * DATA_DIR (removed at exit), --reset's wipe first.
 */
function openFor(
  args: { memory?: boolean | undefined; reset?: boolean | undefined },
  settings: { DATABASE_URL?: string | undefined; DATA_DIR: string },
  open: typeof OpenStackDatabase,
): { database: Promise<DatabaseHandle>; scratch: ScratchDir | undefined } {
  // npm runs this script inside apps/stack; a relative DATA_DIR means the directory npm was started from.
  const base = process.env.INIT_CWD ?? process.cwd();
  const scratch = args.memory && !settings.DATABASE_URL ? makeScratchDir() : undefined;
  const dataDir = scratch
    ? scratch.path
    : args.memory || settings.DATABASE_URL
      ? undefined
      : resolve(base, settings.DATA_DIR);
  if (args.reset && dataDir && !scratch) rmSync(dataDir, { recursive: true, force: true });
  const database = open({ databaseUrl: settings.DATABASE_URL, dataDir });
  database.catch(() => undefined); // awaited by startStack: a failure is reported there, not as unhandled
  return { database, scratch };
}

process.exitCode = await main();
