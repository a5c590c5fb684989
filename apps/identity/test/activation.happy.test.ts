// R04, R05: activation with fiscal code, first half and health card sends the second half; within 90 days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, login, requestBody, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function requestByPost(tb: Testbed) {
  const p = tb.persona();
  const res = await tb.call(
    "POST",
    "/api/v1/pin-requests",
    requestBody(p, { deliveryProfile: "post-then-activate" }),
  );
  expect(res.status).toBe(202);
  await tb.drain();
  const letter = tb.gateways.sentLetters.findLast(
    (l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase(),
  );
  return { p, firstHalf: secret(letter?.body, "Prima parte del PIN")! };
}

describe("POST /api/v1/pin-activations", () => {
  it("sends the second half by email; the 16 characters then open a first-access session (R04, R06)", async () => {
    const { p, firstHalf } = await requestByPost(tb);
    const before = await login(tb, p.fiscalCode, firstHalf);
    expect(before.res.status).toBe(401);
    // The failed attempt above blocked the credential for 3 minutes (R08): let it pass.
    await tb.advance("PT3M");
    const res = await tb.call("POST", "/api/v1/pin-activations", {
      fiscalCode: p.fiscalCode,
      firstHalf,
      healthCard: p.healthCard,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "activated", secondHalfChannel: "email" });
    await tb.drain();
    const mail = tb.gateways.sentMail.findLast((m) => m.to === p.email);
    const secondHalf = secret(mail?.text, "Seconda parte del PIN");
    expect(secondHalf).toMatch(/^[A-Z0-9]{8}$/);
    const session = await login(tb, p.fiscalCode, firstHalf + secondHalf!);
    expect(session.res.status).toBe(201);
    expect(session.body.requiredAction).toBe("replace-initial-pin");
  });

  it("on day 89 it still works", async () => {
    const { p, firstHalf } = await requestByPost(tb);
    await tb.advance("P89D");
    const res = await tb.call("POST", "/api/v1/pin-activations", {
      fiscalCode: p.fiscalCode,
      firstHalf,
      healthCard: p.healthCard,
    });
    expect(res.status).toBe(202);
  });

  it("activating twice: 409 activation-not-required", async () => {
    const { p, firstHalf } = await requestByPost(tb);
    const body = { fiscalCode: p.fiscalCode, firstHalf, healthCard: p.healthCard };
    expect((await tb.call("POST", "/api/v1/pin-activations", body)).status).toBe(202);
    const again = await tb.call("POST", "/api/v1/pin-activations", body);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe("activation-not-required");
  });
});
