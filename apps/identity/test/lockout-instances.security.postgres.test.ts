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
import { createOutboxDispatcher } from "../src/outbox/dispatcher.ts";
import { activeCitizen, createTestbed, requestBody, type Testbed } from "./support.ts";

let tb: Testbed;
let second: { app: ReturnType<typeof createIdentityApp>; close(): Promise<void> };

beforeAll(async () => {
  if (!process.env.DATABASE_URL)
    throw new Error("this file needs DATABASE_URL (vitest.shared.ts leaves it out without one)");
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
    outbox: {
      runOnce: async () => ({ delivered: 0, retrying: 0, dead: 0 }),
      drain: async () => ({ delivered: 0, retrying: 0, dead: 0 }),
      kick() {},
      start() {},
      async stop() {},
    },
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
    const attempt = (
      app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
      p: string,
    ) =>
      Promise.resolve(
        app.request("/api/v1/sessions", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ fiscalCode: persona.fiscalCode, pin: p }),
        }),
      );
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(i % 2 ? second.app : tb.app, "Wrong1Pn")),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    const rows = rowsOf<{ failed_attempts: number }>(
      await tb.handle.db.execute(
        sql`select failed_attempts from identity.credentials where fiscal_code = ${persona.fiscalCode}`,
      ),
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

type Requestable = { request: (path: string, init: RequestInit) => Response | Promise<Response> };
const loginOn = (app: Requestable, fiscalCode: string, pin: string) =>
  Promise.resolve(
    app.request("/api/v1/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fiscalCode, pin }),
    }),
  );

const lockedEvents = async (fiscalCode: string) =>
  Number(
    rowsOf<{ n: number }>(
      await tb.handle.db.execute(
        sql`select count(*)::int as n from identity.events where fiscal_code = ${fiscalCode} and type = 'locked'`,
      ),
    )[0]?.n,
  );

describe("the probe's figures across two instances", () => {
  it("200 concurrent wrong PINs, split across the instances, make one block per window", async ({
    annotate,
  }) => {
    const { persona } = await activeCitizen(tb);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        loginOn(i % 2 ? second.app : tb.app, persona.fiscalCode, "Wrong1Pn"),
      ),
    );
    const statuses = answers.map((a) => a.status);
    await annotate(
      `401: ${statuses.filter((s) => s === 401).length}, 423: ${statuses.filter((s) => s === 423).length}`,
    );
    expect(statuses.filter((s) => s !== 401 && s !== 423)).toEqual([]);
    expect(await lockedEvents(persona.fiscalCode)).toBe(1);
  }, 120_000);

  it("and so for an unknown fiscal code", async () => {
    const fiscalCode = tb.persona().fiscalCode;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => loginOn(i % 2 ? second.app : tb.app, fiscalCode, "Wrong1Pn")),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 401 && s !== 423)).toEqual([]);
    expect(await lockedEvents(fiscalCode)).toBe(1);
  }, 120_000);

  it("100 concurrent correct logins across the instances: no false block", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => loginOn(i % 2 ? second.app : tb.app, persona.fiscalCode, pin)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
  }, 120_000);

  it("with both dispatchers running, each message goes once", async ({ annotate }) => {
    const other = await openDatabase({ url: tb.handle.connectionUrl, maxConnections: 5 });
    const dispatcher = createOutboxDispatcher({
      db: other.db,
      clock: tb.clock,
      gateways: tb.gateways,
      sealer: createSealer(outboxKey(undefined, "test")),
      logger: createLogger({ service: "identity-2", level: "silent" }),
      sendTimeoutMs: 2000,
    });
    const before = { mail: tb.gateways.sentMail.length, letters: tb.gateways.sentLetters.length };
    const people = Array.from({ length: 30 }, () => tb.persona());
    const accepted = await Promise.all(
      people.map((p) => tb.call("POST", "/api/v1/pin-requests", requestBody(p))),
    );
    expect(accepted.map((r) => r.status)).toEqual(Array(30).fill(202));
    for (let i = 0; i < 3; i++)
      await Promise.all([tb.outbox.drain(), dispatcher.drain(), tb.outbox.drain(), dispatcher.drain()]);
    await dispatcher.stop();
    await other.close();
    const mail = tb.gateways.sentMail.slice(before.mail);
    const letters = tb.gateways.sentLetters.slice(before.letters);
    await annotate(`emails ${mail.length}, letters ${letters.length} for ${people.length} requests`);
    expect(mail).toHaveLength(30);
    expect(letters).toHaveLength(30);
    expect(new Set(mail.map((m) => m.messageId)).size).toBe(30);
    expect(new Set(letters.map((l) => l.key)).size).toBe(30);
  }, 120_000);
});
