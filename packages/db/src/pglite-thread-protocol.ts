// The messages between the main thread's PGlite client (pglite-thread.ts) and PGlite's worker (pglite-worker.ts).
// Everything in them survives a structured clone (Date, Uint8Array, bigint do); functions do not, so a query's
// parsers stay on the main thread and the worker is only told which types to leave as text.

/** What the worker opens: a data directory, a gzipped data directory loaded into memory, or a fresh in-memory one. */
export interface PgliteWorkerData {
  dataDir?: string | undefined;
  tarball?: string | undefined;
  checkpointEveryMs: number;
}

export type Request =
  | {
      id: number;
      kind: "query";
      text: string;
      params: unknown[] | undefined;
      rowMode: "array" | "object" | undefined;
      /** Types to answer as PostgreSQL's text: the caller parses them. */
      asText: number[];
      paramTypes: number[] | undefined;
      tx: number | undefined;
    }
  | { id: number; kind: "exec"; text: string; tx: number | undefined }
  | { id: number; kind: "begin" }
  /** Commit (or roll back) the transaction, and answer once PGlite has. */
  | { id: number; kind: "end"; tx: number; commit: boolean }
  | { id: number; kind: "rollback"; tx: number }
  | { id: number; kind: "close" };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorFields };

export type Announcement = { kind: "ready" } | { kind: "failed"; error: ErrorFields };

/** An error's message and own fields: PostgreSQL's (code, detail, constraint…) for a DatabaseError. */
export interface ErrorFields {
  name: string;
  message: string;
  stack?: string | undefined;
  fields: Record<string, unknown>;
}

export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  // PostgreSQL's fields are strings and numbers. PGlite also hangs the query's params and options on its errors:
  // the main thread puts its own back (they may hold functions).
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean", "bigint"].includes(typeof value))
      fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/** The worker's error again, in this thread: same class name, message and fields, the worker's stack after ours. */
export function errorFrom(sent: ErrorFields): Error {
  const error = new Error(sent.message);
  Object.assign(error, sent.fields);
  Object.defineProperty(error, "name", {
    value: sent.name,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  if (sent.stack) error.stack = `${error.stack}\n    in PGlite's worker thread:\n${sent.stack}`;
  return error;
}
