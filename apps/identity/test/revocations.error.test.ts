// R22, R23: every failed revocation gets one answer, whatever was wrong; a citizen without a health card is sent
// to the contact centre by that same answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, login, requestBody, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function citizen(withCard = true) {
  const p = tb.persona();
  const { healthCard, ...rest } = requestBody(p);
  const res = await tb.sim("POST", "/citizens", {
    ...rest,
    ...(withCard ? { healthCard } : {}),
    pin: "Gatto7Bl",
  });
  expect(res.status).toBe(201);
  return p;
}

async function revoke(input: unknown) {
  const res = await tb.call("POST", "/api/v1/revocations", input);
  const json = (await res.json()) as Record<string, unknown>;
  const body: Record<string, unknown> = { ...json, requestId: undefined };
  return { status: res.status, body };
}

describe("POST /api/v1/revocations refused", () => {
  it("a wrong card, a wrong expiry, an unregistered email, an unknown fiscal code, no card on record, already revoked: one answer", async () => {
    const p = await citizen();
    const noCard = await citizen(false);
    const revoked = await citizen();
    expect(
      (await revoke({ fiscalCode: revoked.fiscalCode, healthCard: revoked.healthCard, email: revoked.email }))
        .status,
    ).toBe(200);
    const otherCard = tb.persona().healthCard;
    const answers = [
      await revoke({
        fiscalCode: p.fiscalCode,
        healthCard: { ...p.healthCard, number: otherCard.number },
        email: p.email,
      }),
      await revoke({
        fiscalCode: p.fiscalCode,
        healthCard: { ...p.healthCard, expiryDate: otherCard.expiryDate },
        email: p.email,
      }),
      await revoke({ fiscalCode: p.fiscalCode, healthCard: p.healthCard, email: tb.persona().email }),
      await revoke({
        fiscalCode: p.fiscalCode,
        healthCard: p.healthCard,
        email: p.email,
        pec: "someone@pec.it",
      }),
      await revoke({ fiscalCode: tb.persona().fiscalCode, healthCard: p.healthCard, email: p.email }),
      await revoke({ fiscalCode: noCard.fiscalCode, healthCard: noCard.healthCard, email: noCard.email }),
      await revoke({ fiscalCode: revoked.fiscalCode, healthCard: revoked.healthCard, email: revoked.email }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.code).toBe("revocation-failed");
    // The one answer also tells a citizen without a health card where to go (R26's numbers).
    expect(String(answers[0]!.body.detail)).toMatch(/contact center, 803 164 .* 06 164 164/);
    // Nothing was revoked.
    expect((await login(tb, p.fiscalCode, "Gatto7Bl")).res.status).toBe(201);
    expect((await login(tb, noCard.fiscalCode, "Gatto7Bl")).res.status).toBe(201);
  });

  it("the timeline says what did not match; an unknown fiscal code leaves no trace", async () => {
    const p = await citizen();
    await revoke({ fiscalCode: p.fiscalCode, healthCard: p.healthCard, email: tb.persona().email });
    const events = (await (await tb.sim("GET", `/citizens/${p.fiscalCode}/events`)).json()) as {
      events: { type: string; data: unknown }[];
    };
    expect(events.events[0]).toMatchObject({
      type: "revocation-failed",
      data: { healthCardMatched: true, contactMatched: false },
    });
    const unknown = tb.persona().fiscalCode;
    await revoke({ fiscalCode: unknown, healthCard: p.healthCard, email: p.email });
    const none = (await (await tb.sim("GET", `/citizens/${unknown}/events`)).json()) as { events: unknown[] };
    expect(none.events).toEqual([]);
  });

  it("malformed input is 400 validation-failed, naming the field", async () => {
    const p = await citizen();
    for (const [body, path] of [
      [{ fiscalCode: p.fiscalCode, healthCard: p.healthCard }, "email"],
      [{ fiscalCode: p.fiscalCode, email: p.email }, "healthCard"],
      [{ healthCard: p.healthCard, email: p.email }, "fiscalCode"],
    ] as const) {
      const res = await tb.call("POST", "/api/v1/revocations", body);
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { code: string; errors: { path: string }[] };
      expect(problem.code).toBe("validation-failed");
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
  });

  it("two revocations at once: exactly one succeeds", async () => {
    const p = await citizen();
    const body = { fiscalCode: p.fiscalCode, healthCard: p.healthCard, email: p.email };
    const statuses = (await Promise.all(Array.from({ length: 4 }, () => revoke(body))))
      .map((a) => a.status)
      .sort();
    expect(statuses).toEqual([200, 401, 401, 401]);
  });
});
