// R08 across service instances: two apps, each with its own connection pool, on one PostgreSQL (DATABASE_URL).
// Concurrent wrong PINs through both are counted once each and none slips through the block.
import { createArgon2Hasher } from "@inps-sim/crypto";
import { openDatabase, rowsOf } from "@inps-sim/db";
import { policyProfiles } from "@inps-sim/domain";
import { createLogger, loadPersistentClock } from "@inps-sim/service-kit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdentityApp } from "../src/app.ts";
import { simClock } from "../src/db/schema.ts";
import { createSealer, outboxKey } from "../src/outbox/sealing.ts";
import { activeCitizen, createTestbed, type Testbed } from "./support.ts";

let tb: Testbed;
let second: { app: ReturnType<typeof createIdentityApp>; close(): Promise<void> };

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error("this file needs DATABASE_URL (vitest.shared.ts leaves it out without one)");
  tb = await createTestbed(import.meta.filename);
  const handle = await openDatabase({ url: tb.handle.connectionUrl, maxConnections: 5 });
  const clock = await loadPersistentClock({ db: handle.db, table: simClock });
  const sealer = createSealer(outboxKey(undefined, "test"));
  const app = createIdentityApp({
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock,
    logger: createLogger({ service: "identity-2", level: "silent" }),
    stack: { syncClocks: async () => ({}), reset: async () => ({}) },
    policy: policyProfiles["inps-guides"],
    hasher: createArgon2Hasher("fast"),
    random: tb.random,
    delivery: { profile: "digital-then-post", channel: "email" },
    sealer,
    outbox: { runOnce: async () => ({ delivered: 0, retrying: 0, dead: 0 }), drain: async () => ({ delivered: 0, retrying: 0, dead: 0 }), kick() {}, start() {}, async stop() {} },
    operatorTokens: [],
  });
  second = { app, close: () => handle.close() };
});
afterAll(async () => {
  await second?.close();
  await tb?.close();
});

describe("lockout across two service instances on one PostgreSQL", () => {
  it("counts every concurrent wrong PIN once, and the right PIN meets the block on both", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const attempt = (app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, p: string) =>
      Promise.resolve(
        app.request("/api/v1/sessions", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ fiscalCode: persona.fiscalCode, pin: p }),
        }),
      );
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? second.app : tb.app, "Wrong1Pn")));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    const rows = rowsOf<{ failed_attempts: number }>(
      await tb.handle.db.execute(sql`select failed_attempts from identity.credentials where fiscal_code = ${persona.fiscalCode}`),
    );
    expect(Number(rows[0]?.failed_attempts)).toBe(statuses.filter((s) => s === 401).length);
    expect((await attempt(tb.app, pin)).status).toBe(423);
    expect((await attempt(second.app, pin)).status).toBe(423);
  });

  it("concurrent correct logins through both instances are never blocked", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        Promise.resolve(
          (i % 2 ? second.app : tb.app).request("/api/v1/sessions", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ fiscalCode: persona.fiscalCode, pin }),
          }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
  });
});
