// PGlite in a worker thread of its own (see pglite-thread.ts): PostgreSQL's start-up, and every query's WebAssembly,
// run beside the main thread instead of on it. Serves the main thread's requests in the order they come; PGlite's
// own locks order them as in one thread (a query waits for an open transaction, a transaction for the one before).
import { openAsBlob } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { PGlite, Results, Transaction } from "@electric-sql/pglite";
import { checkpointWhenWritten, createPglite } from "./pglite-create.ts";
import {
  errorFields,
  type Announcement,
  type PgliteWorkerData,
  type Reply,
  type Request,
} from "./pglite-thread-protocol.ts";

const port = parentPort!;
const options = workerData as PgliteWorkerData;

/** Thrown into a transaction's callback to make PGlite roll it back: the main thread's callback failed. */
const rolledBack = Symbol("rolled back");

interface OpenTransaction {
  tx: Transaction;
  end(commit: boolean): void;
  /** Settles when PGlite has committed or rolled back. */
  settled: Promise<unknown>;
}

const transactions = new Map<number, OpenTransaction>();
let nextTransaction = 1;

/** PGlite's parsers that leave a type's text as it is, one map per set of types. */
const asTextParsers = new Map<string, Record<number, (text: string) => string>>();
function parsersFor(types: number[]): Record<number, (text: string) => string> | undefined {
  if (types.length === 0) return undefined;
  const key = types.join(",");
  let parsers = asTextParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(types.map((t) => [t, (text: string) => text]));
    asTextParsers.set(key, parsers);
  }
  return parsers;
}

function runner(client: PGlite, tx: number | undefined): Pick<Transaction, "query" | "exec"> {
  if (tx === undefined) return client;
  const open = transactions.get(tx);
  if (!open) throw new Error("Transaction is closed");
  return open.tx;
}

/** Opens a transaction and answers its number once PGlite has begun it; `end` decides its outcome. */
function begin(client: PGlite, id: number): void {
  const number = nextTransaction++;
  let started = false;
  let decide: (commit: boolean) => void = () => undefined;
  const decided = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  const settled = client.transaction(async (tx) => {
    started = true;
    transactions.set(number, { tx, end: decide, settled });
    reply({ id, ok: true, value: number });
    if (!(await decided)) throw rolledBack;
  });
  settled
    .catch((error: unknown) => {
      // BEGIN itself failed: the main thread still waits for the transaction to open.
      if (!started) reply({ id, ok: false, error: errorFields(error) });
    })
    .finally(() => transactions.delete(number));
}

async function end(request: Extract<Request, { kind: "end" }>): Promise<unknown> {
  const open = transactions.get(request.tx);
  if (!open) throw new Error("Transaction is closed");
  open.end(request.commit);
  try {
    await open.settled;
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  return undefined;
}

async function serve(client: PGlite, request: Request, stopCheckpoints: () => void): Promise<unknown> {
  switch (request.kind) {
    case "query":
      return runner(client, request.tx).query(request.text, request.params, {
        rowMode: request.rowMode,
        parsers: parsersFor(request.asText),
        paramTypes: request.paramTypes,
      }) as Promise<Results>;
    case "exec":
      return runner(client, request.tx).exec(request.text);
    case "begin":
      begin(client, request.id);
      return pending;
    case "end":
      return end(request);
    case "rollback": {
      const open = transactions.get(request.tx);
      if (!open) throw new Error("Transaction is closed");
      return open.tx.rollback();
    }
    case "close":
      stopCheckpoints();
      // PGlite's close ends PostgreSQL with a shutdown checkpoint: the next open replays no WAL.
      await client.close();
      return undefined;
  }
}

/** A request answered later, by someone else (begin answers when PGlite has begun). */
const pending = Symbol("answered later");

function reply(message: Reply): void {
  port.postMessage(message);
}

function announce(message: Announcement): void {
  port.postMessage(message);
}

async function main(): Promise<void> {
  // Listening before PGlite starts keeps this thread's event loop busy meanwhile. A loop with nothing to wait on
  // makes Node wait at each turn for V8's background work, here the compilation of PGlite's WebAssembly: the first
  // query waited 150-250 ms after PGlite had started. (The main thread sends nothing before "ready".)
  let serveOne: (request: Request) => void = () => undefined;
  port.on("message", (request: Request) => serveOne(request));
  let client: PGlite;
  try {
    client = await createPglite(
      options.dataDir
        ? { dataDir: options.dataDir }
        : options.tarball
          ? { loadDataDir: await openAsBlob(options.tarball) }
          : {},
    );
  } catch (error) {
    announce({ kind: "failed", error: errorFields(error) });
    port.close();
    return;
  }
  const stopCheckpoints = checkpointWhenWritten(client, options.checkpointEveryMs);
  serveOne = (request) => {
    serve(client, request, stopCheckpoints).then(
      (value) => {
        if (value !== pending) reply({ id: request.id, ok: true, value });
        if (request.kind === "close") port.close();
      },
      (error: unknown) => {
        reply({ id: request.id, ok: false, error: errorFields(error) });
        if (request.kind === "close") port.close();
      },
    );
  };
  announce({ kind: "ready" });
}

await main();
