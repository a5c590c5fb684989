// The transactional outbox: a failing gateway delays a half and never loses or duplicates it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxDispatcher } from "../src/outbox/dispatcher.ts";
import { createSealer, outboxKey } from "../src/outbox/sealing.ts";
import { createLogger } from "@inps-sim/service-kit";
import { createTestbed, requestBody, TOKEN, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

interface OutboxRow {
  id: string;
  purpose: string;
  status: string;
  attempts: number;
  lastError: string | null;
}
async function outboxOf(fiscalCode: string): Promise<OutboxRow[]> {
  const res = await tb.sim("GET", `/outbox?fiscalCode=${fiscalCode}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: OutboxRow[] }).messages;
}

describe("outbox", () => {
  it("messages wait in the outbox until drained; the control plane shows them without their content", async () => {
    const p = tb.persona();
    await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    const pending = await outboxOf(p.fiscalCode);
    expect(pending.map((m) => m.status)).toEqual(["pending", "pending"]);
    expect(JSON.stringify(pending)).not.toMatch(/sealed|Prima parte/);
    const drained = await tb.sim("POST", "/outbox/drain");
    expect(await drained.json()).toMatchObject({ delivered: 2 });
    expect((await outboxOf(p.fiscalCode)).map((m) => m.status)).toEqual(["sent", "sent"]);
  });

  it("a gateway down delays the half; when it recovers both halves arrive exactly once", async () => {
    const p = tb.persona();
    tb.gateways.failNext.mail = 3;
    tb.gateways.failNext.postal = 2;
    await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    await tb.drain();
    let rows = await outboxOf(p.fiscalCode);
    expect(rows.every((r) => r.status === "pending" && r.attempts === 1 && r.lastError)).toBe(true);
    // Backoff: 5 s, 10 s, 20 s … in simulated time; a clock move runs the dispatcher.
    for (let i = 0; i < 5; i++) await tb.advance("PT1M");
    rows = await outboxOf(p.fiscalCode);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(tb.gateways.sentMail.filter((m) => m.to === p.email)).toHaveLength(1);
    expect(
      tb.gateways.sentLetters.filter((l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase()),
    ).toHaveLength(1);
    const events = await tb.call("GET", `/api/v1/operator/citizens/${p.fiscalCode}/events`, undefined, {
      authorization: "Bearer operator-token-0123",
    });
    const types = ((await events.json()) as { events: { type: string }[] }).events.map((e) => e.type);
    expect(types.filter((t) => t === "message-failed").length).toBe(5);
    expect(types.filter((t) => t === "message-sent").length).toBe(2);
  });

  it("several dispatchers on one database never send a message twice", async () => {
    const people = Array.from({ length: 5 }, () => tb.persona());
    for (const p of people) await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    const logger = createLogger({ service: "t", level: "silent" });
    const sealer = createSealer(outboxKey(undefined, "test"));
    const others = Array.from({ length: 3 }, () =>
      createOutboxDispatcher({ db: tb.handle.db, clock: tb.clock, gateways: tb.gateways, sealer, logger }),
    );
    await Promise.all([tb.drain(), ...others.map((d) => d.drain()), ...others.map((d) => d.runOnce())]);
    for (const p of people) {
      expect(tb.gateways.sentMail.filter((m) => m.to === p.email)).toHaveLength(1);
    }
    const keys = tb.gateways.sentLetters.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("the control plane needs the admin token", async () => {
    expect((await tb.call("GET", "/__sim/outbox")).status).toBe(401);
    expect(
      (await tb.call("POST", "/__sim/outbox/drain", undefined, { authorization: `Bearer ${TOKEN}x` })).status,
    ).toBe(401);
  });
});
