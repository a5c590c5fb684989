// One database per test file (in-memory PGlite, or DATABASE_URL with a freshly rebuilt "postal" schema).
import { Writable } from "node:stream";
import type { DatabaseHandle } from "@inps-sim/db";
import { openTestDatabase } from "@inps-sim/db/testing";
import { createLogger, FaultInjector, prepareService, type StackClock } from "@inps-sim/service-kit";
import { createPostalApp, POSTAL_DEFAULT_SETTINGS } from "../src/app.ts";
import type { PostalSettings } from "../src/config.ts";
import { simClock } from "../src/db/schema.ts";
import { postalMigrations } from "../src/start.ts";

export const TOKEN = "test-admin-token-0123";
/** A Monday. */
export const START = new Date("2026-03-02T09:00:00.000Z");

export interface Testbed {
  handle: DatabaseHandle;
  clock: StackClock;
  app: ReturnType<typeof createPostalApp>;
  logs: string[];
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  sim(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestbed(
  options: { settings?: Partial<PostalSettings>; adminToken?: string | null; start?: Date } = {},
): Promise<Testbed> {
  // In-memory PGlite, or a database of its own on the DATABASE_URL server, dropped at close.
  const handle = await openTestDatabase("postal");
  const clock = await prepareService({
    handle,
    migrations: postalMigrations,
    clockTable: simClock,
    start: options.start ?? START,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: "postal-gateway", level: "debug", destination });
  const app = createPostalApp({
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock,
    logger,
    faults: new FaultInjector("test-seed"),
    adminToken: options.adminToken === null ? undefined : (options.adminToken ?? TOKEN),
    settings: { ...POSTAL_DEFAULT_SETTINGS, ...options.settings },
  });
  const call: Testbed["call"] = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    return app.request(path, init);
  };
  return {
    handle,
    clock,
    app,
    logs,
    call,
    sim: (method, path, body) => call(method, `/__sim${path}`, body, { authorization: `Bearer ${TOKEN}` }),
    close: () => handle.dispose(),
  };
}

let counter = Math.floor(Math.random() * 1_000_000);
const NAMES = ["Mario", "Giulia", "Luca", "Francesca", "Paolo", "Chiara"];
/** A recipient of its own per test, so tests sharing a database never see each other's letters. */
export function recipient(
  over: Partial<Record<"name" | "street" | "postalCode" | "city" | "province", string>> = {},
) {
  counter++;
  return {
    name: `${NAMES[counter % NAMES.length]} Rossi${counter}`,
    street: "Via del Corso 12",
    postalCode: "00186",
    city: "Roma",
    province: "RM",
    ...over,
  };
}

export async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
