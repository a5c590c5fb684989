// One database per test file: in-memory PGlite, or a database of its own on the DATABASE_URL server.
import { Writable } from "node:stream";
import type { DatabaseHandle } from "@inps-sim/db";
import { openTestDatabase } from "@inps-sim/db/testing";
import { createLogger, FaultInjector, prepareService, type StackClock } from "@inps-sim/service-kit";
import { createSmsApp, SMS_DEFAULT_SETTINGS } from "../src/app.ts";
import type { SmsSettings } from "../src/config.ts";
import { simClock } from "../src/db/schema.ts";
import { createCallbackDispatcher, type CallbackDispatcher } from "../src/messages/callbacks.ts";
import { smsMigrations } from "../src/start.ts";

export const TOKEN = "test-admin-token-0123";
export const START = new Date("2026-03-02T09:00:00.000Z");

export interface Testbed {
  handle: DatabaseHandle;
  clock: StackClock;
  faults: FaultInjector;
  callbacks: CallbackDispatcher;
  app: ReturnType<typeof createSmsApp>;
  logs: string[];
  /** Requests to the app in memory; `body` is sent as JSON unless it is a string. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  sim(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestbed(
  options: { settings?: Partial<SmsSettings>; fetch?: typeof fetch; adminToken?: string | null } = {},
): Promise<Testbed> {
  // In-memory PGlite, or a database of its own on the DATABASE_URL server, dropped at close.
  const handle = await openTestDatabase("sms");
  const clock = await prepareService({
    handle,
    migrations: smsMigrations,
    clockTable: simClock,
    start: START,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: "sms-gateway", level: "debug", destination });
  const settings = { ...SMS_DEFAULT_SETTINGS, ...options.settings };
  const faults = new FaultInjector("test-seed");
  const callbacks = createCallbackDispatcher({
    db: handle.db,
    clock,
    logger,
    backoff: settings.SMS_CALLBACK_BACKOFF,
    timeoutMs: settings.SMS_CALLBACK_TIMEOUT_MS,
    fetch: options.fetch,
  });
  const app = createSmsApp({
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock,
    logger,
    faults,
    adminToken: options.adminToken === null ? undefined : (options.adminToken ?? TOKEN),
    settings,
    callbacks,
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
    faults,
    callbacks,
    app,
    logs,
    call,
    sim: (method, path, body) => call(method, `/__sim${path}`, body, { authorization: `Bearer ${TOKEN}` }),
    close: () => handle.dispose(),
  };
}

let counter = Math.floor(Math.random() * 8_000_000);
/** A fresh Italian mobile number per test, so tests sharing a database never see each other's messages. */
export function mobile(): string {
  counter++;
  return `+39333${1_000_000 + (counter % 8_999_999)}`;
}

export async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
