// The main thread's PGlite when PGlite runs in a worker thread (pglite-worker.ts): the part of PGlite's interface the
// simulator uses (drizzle's pglite driver, preparedStatement, close), each call a message to the worker. PostgreSQL's
// start-up then overlaps the loading of the services' code instead of following it, and a query's WebAssembly no
// longer holds the main thread's event loop.
import { Worker } from "node:worker_threads";
import {
  errorFrom,
  type Announcement,
  type PgliteWorkerData,
  type Reply,
  type Request,
} from "./pglite-thread-protocol.ts";
import { pgliteWorkerUrl } from "./pglite-worker-url.ts";

type Parser = (text: string, typeId: number) => unknown;

export interface ThreadQueryOptions {
  rowMode?: "array" | "object" | undefined;
  /** Applied in this thread: the worker answers these types as text. */
  parsers?: Record<number, Parser> | undefined;
  paramTypes?: number[] | undefined;
}

export interface ThreadResults<T = Record<string, unknown>> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number | undefined;
}

/** What a transaction's callback gets, as from PGlite: queries inside the transaction. */
export interface ThreadTransaction {
  query<T>(text: string, params?: unknown[], options?: ThreadQueryOptions): Promise<ThreadResults<T>>;
  exec(text: string): Promise<ThreadResults[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

type Outgoing = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class PgliteThreadClient {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 1;
  #closing = false;
  #failure: Error | undefined;
  #onLost: (error: Error) => void = () => undefined;
  /** Resolves once PostgreSQL has started in the worker; rejects with the reason it could not. */
  readonly ready: Promise<void>;
  /** Resolves if the worker ends while the database is open (a crash): every query from then on fails. */
  readonly lost: Promise<Error>;

  constructor(data: PgliteWorkerData) {
    this.#worker = new Worker(pgliteWorkerUrl, { workerData: data });
    this.lost = new Promise((resolve) => {
      this.#onLost = resolve;
    });
    this.ready = new Promise((resolve, reject) => {
      const onAnnouncement = (message: Announcement) => {
        if (message.kind === "ready") resolve();
        else {
          this.#closing = true; // the worker ends: nothing was open to lose
          reject(errorFrom(message.error));
        }
        this.#worker.off("message", onAnnouncement);
        this.#worker.on("message", (reply: Reply) => this.#answer(reply));
        this.#idle();
      };
      this.#worker.on("message", onAnnouncement);
      this.#worker.once("exit", () => reject(this.#failure ?? new Error("PGlite's worker thread stopped")));
    });
    this.#worker.on("error", (error) => this.#lose(error));
    this.#worker.on("exit", (code) => {
      if (!this.#closing) this.#lose(new Error(`PGlite's worker thread stopped (exit code ${code})`));
    });
  }

  get closed(): boolean {
    return this.#closing || this.#failure !== undefined;
  }

  async query<T>(text: string, params?: unknown[], options?: ThreadQueryOptions): Promise<ThreadResults<T>> {
    return this.#query<T>(text, params, options, undefined);
  }

  async exec(text: string): Promise<ThreadResults[]> {
    this.#checkOpen();
    return (await this.#call({ kind: "exec", text, tx: undefined })) as ThreadResults[];
  }

  /** As PGlite's: the callback's queries run alone; it commits when the callback resolves, rolls back if it throws. */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    this.#checkOpen();
    const number = (await this.#call({ kind: "begin" })) as number;
    let closed = false;
    const open = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx: ThreadTransaction = {
      query: async <R>(text: string, params?: unknown[], options?: ThreadQueryOptions) => {
        open();
        return this.#query<R>(text, params, options, number);
      },
      exec: async (text: string) => {
        open();
        return (await this.#call({ kind: "exec", text, tx: number })) as ThreadResults[];
      },
      rollback: async () => {
        open();
        await this.#call({ kind: "rollback", tx: number });
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      closed = true;
      await this.#call({ kind: "end", tx: number, commit: false });
      throw error;
    }
    closed = true;
    await this.#call({ kind: "end", tx: number, commit: true });
    return result;
  }

  /** Closes PostgreSQL in the worker (a shutdown checkpoint: the next open replays no WAL), then the worker. */
  async close(): Promise<void> {
    if (this.#closing) return;
    if (this.#failure) return;
    this.#closing = true;
    this.#worker.ref();
    const exited = new Promise((resolve) => this.#worker.once("exit", resolve));
    try {
      await this.#call({ kind: "close" });
    } finally {
      await exited;
    }
  }

  async #query<T>(
    text: string,
    params: unknown[] | undefined,
    options: ThreadQueryOptions | undefined,
    tx: number | undefined,
  ): Promise<ThreadResults<T>> {
    this.#checkOpen();
    const parsers = options?.parsers;
    const asText = parsers ? Object.keys(parsers).map(Number) : [];
    let results: ThreadResults<T>;
    try {
      results = (await this.#call({
        kind: "query",
        text,
        params,
        rowMode: options?.rowMode,
        asText,
        paramTypes: options?.paramTypes,
        tx,
      })) as ThreadResults<T>;
    } catch (error) {
      // As PGlite does: the failed query, its parameters and options on the error.
      if (error instanceof Error && "query" in error) Object.assign(error, { params, queryOptions: options });
      throw error;
    }
    if (parsers && asText.length > 0) parseColumns(results, parsers, options?.rowMode ?? "object");
    return results;
  }

  #checkOpen(): void {
    if (this.#failure) throw this.#failure;
    if (this.#closing) throw new Error("PGlite is closed");
  }

  #call(request: Outgoing): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      // The worker keeps the process alive only while an answer is awaited, as an in-process PGlite would.
      if (this.#waiting.size === 1) this.#worker.ref();
      this.#worker.postMessage({ ...request, id } as Request);
    });
  }

  #answer(reply: Reply): void {
    const waiting = this.#waiting.get(reply.id);
    if (!waiting) return;
    this.#waiting.delete(reply.id);
    this.#idle();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(errorFrom(reply.error));
  }

  #idle(): void {
    // Closing: held until the worker has ended, so that close() resolves.
    if (this.#waiting.size === 0 && !this.#closing) this.#worker.unref();
  }

  #lose(cause: Error): void {
    if (this.#failure) return;
    this.#failure = new Error(`the embedded database stopped: ${cause.message}`, { cause });
    for (const waiting of this.#waiting.values()) waiting.reject(this.#failure);
    this.#waiting.clear();
    if (!this.#closing) this.#onLost(this.#failure);
  }
}

/** Runs the callers' parsers on the columns of their types, which the worker left as text. */
function parseColumns<T>(
  results: ThreadResults<T>,
  parsers: Record<number, Parser>,
  rowMode: "array" | "object",
): void {
  const columns: { key: number | string; parse: Parser; type: number }[] = [];
  const seen = new Set<string>();
  // In object mode a later column of the same name wins, as in PGlite: parse each key once, with its last column's type.
  for (let i = results.fields.length - 1; i >= 0; i--) {
    const field = results.fields[i]!;
    const parse = parsers[field.dataTypeID];
    if (rowMode === "object") {
      if (seen.has(field.name)) continue;
      seen.add(field.name);
    }
    if (parse) columns.push({ key: rowMode === "array" ? i : field.name, parse, type: field.dataTypeID });
  }
  if (columns.length === 0) return;
  for (const row of results.rows as Record<number | string, unknown>[]) {
    for (const { key, parse, type } of columns) {
      const value = row[key];
      if (typeof value === "string") row[key] = parse(value, type);
    }
  }
}
