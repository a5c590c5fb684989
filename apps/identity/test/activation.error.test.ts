// R04, R05: a wrong card or half gets one generic 401; after 90 days the holder of all three learns it expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, requestBody, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function requestByPost() {
  const p = tb.persona();
  expect(
    (await tb.call("POST", "/api/v1/pin-requests", requestBody(p, { deliveryProfile: "post-then-activate" })))
      .status,
  ).toBe(202);
  await tb.drain();
  const letter = tb.gateways.sentLetters.findLast(
    (l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase(),
  );
  return { p, firstHalf: secret(letter?.body, "Prima parte del PIN")! };
}
const activate = (body: unknown) => tb.call("POST", "/api/v1/pin-activations", body);
const code = async (res: Response) => ((await res.json()) as { code: string }).code;

describe("POST /api/v1/pin-activations refuses", () => {
  it("a wrong health card, a wrong half, an unknown fiscal code: the same 401 activation-failed", async () => {
    const { p, firstHalf } = await requestByPost();
    const otherCard = tb.persona().healthCard;
    const answers = [
      await activate({ fiscalCode: p.fiscalCode, firstHalf, healthCard: otherCard }),
      await activate({ fiscalCode: p.fiscalCode, firstHalf: "ZZZZZZZZ", healthCard: p.healthCard }),
      await activate({ fiscalCode: tb.persona().fiscalCode, firstHalf, healthCard: p.healthCard }),
    ];
    const bodies = await Promise.all(
      answers.map(async (r) => ({ status: r.status, ...((await r.json()) as object) })),
    );
    for (const b of bodies) expect(b).toMatchObject({ status: 401, code: "activation-failed" });
    const details = new Set(bodies.map((b) => JSON.stringify({ ...b, requestId: undefined })));
    expect(details.size).toBe(1);
    // The right data still works afterwards.
    expect((await activate({ fiscalCode: p.fiscalCode, firstHalf, healthCard: p.healthCard })).status).toBe(
      202,
    );
  });

  it("on day 91: 410 initial-pin-expired for the holder of all three, 401 for anyone else (R05)", async () => {
    const { p, firstHalf } = await requestByPost();
    await tb.advance("P91D");
    const wrong = await activate({
      fiscalCode: p.fiscalCode,
      firstHalf: "ZZZZZZZZ",
      healthCard: p.healthCard,
    });
    expect(wrong.status).toBe(401);
    const right = await activate({ fiscalCode: p.fiscalCode, firstHalf, healthCard: p.healthCard });
    expect(right.status).toBe(410);
    expect(await code(right)).toBe("initial-pin-expired");
    // A new request is now possible.
    expect(
      (
        await tb.call(
          "POST",
          "/api/v1/pin-requests",
          requestBody(p, { deliveryProfile: "post-then-activate" }),
        )
      ).status,
    ).toBe(202);
  });

  it("a digital-then-post PIN needs no activation: 409 once everything matches", async () => {
    const p = tb.persona();
    await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    await tb.drain();
    const mail = tb.gateways.sentMail.findLast((m) => m.to === p.email);
    const res = await activate({
      fiscalCode: p.fiscalCode,
      firstHalf: secret(mail?.text, "Prima parte del PIN"),
      healthCard: p.healthCard,
    });
    expect(res.status).toBe(409);
    expect(await code(res)).toBe("activation-not-required");
  });

  it("a malformed body: 400", async () => {
    expect((await activate({ fiscalCode: "X" })).status).toBe(400);
    expect((await tb.call("POST", "/api/v1/pin-activations", "nope")).status).toBe(400);
  });
});
