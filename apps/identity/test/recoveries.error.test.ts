// R15–R19 refusals: wrong code, used, expired, superseded, too many attempts, cases that cannot be recovered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askRecovery, confirmRecovery, recoveryHalves, recoveryMail, settle } from "./recovery-support.ts";
import { activeCitizen, createTestbed, issueInitialPin, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

const eventsOf = async (fiscalCode: string) =>
  (
    (await (await tb.sim("GET", `/citizens/${fiscalCode}/events`)).json()) as {
      events: { type: string; data: Record<string, unknown> }[];
    }
  ).events;

async function linkFor() {
  const { persona, pin } = await activeCitizen(tb);
  await askRecovery(tb, { fiscalCode: persona.fiscalCode, email: persona.email, mobile: persona.mobile });
  await settle(tb);
  return { persona, pin, ...recoveryMail(tb, persona.email)! };
}

describe("POST /api/v1/recoveries/{token}/confirm refusals", () => {
  it("a wrong code or another fiscal code: 401 recovery-failed; the right one still works", async () => {
    const { persona, token, code } = await linkFor();
    const wrong = await confirmRecovery(
      tb,
      token,
      persona.fiscalCode,
      code === "ABCDEFGH" ? "ABCDEFGJ" : "ABCDEFGH",
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("recovery-failed");
    expect(wrong.body.detail).toMatch(/codice di ripristino/);
    expect((await confirmRecovery(tb, token, "RSSMRA80A01H501U", code)).body.code).toBe("recovery-failed");
    expect((await confirmRecovery(tb, token, persona.fiscalCode, code)).status).toBe(202);
  });

  it("an unknown token: 401 recovery-failed", async () => {
    expect((await confirmRecovery(tb, "rip_unknown", "RSSMRA80A01H501U", "ABCDEFGH")).body.code).toBe(
      "recovery-failed",
    );
  });

  it("after the policy's attempts the link is void: 410 recovery-expired, even with the right code", async () => {
    const { persona, token, code } = await linkFor();
    for (let i = 0; i < 4; i++)
      expect((await confirmRecovery(tb, token, persona.fiscalCode, "ZZZZZZZZ")).status).toBe(401);
    expect((await confirmRecovery(tb, token, persona.fiscalCode, "ZZZZZZZZ")).body).toMatchObject({
      code: "recovery-expired",
      reason: "too-many-attempts",
    });
    expect((await confirmRecovery(tb, token, persona.fiscalCode, code)).status).toBe(410);
  });

  it("after the policy's lifetime (24 hours): 410 recovery-expired, and the old PIN still works", async () => {
    const { persona, pin, token, code } = await linkFor();
    await tb.advance("P1DT1M");
    expect((await confirmRecovery(tb, token, persona.fiscalCode, code)).body).toMatchObject({
      code: "recovery-expired",
      reason: "expired",
    });
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(201);
  });

  it("two confirms at the same moment: exactly one 202, the other 410", async () => {
    const { persona, token, code } = await linkFor();
    const answers = await Promise.all(
      [1, 2, 3].map(() => confirmRecovery(tb, token, persona.fiscalCode, code)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 410, 410]);
    await settle(tb);
    expect(
      tb.gateways.sentSms.filter((m) => m.to === persona.mobile && m.text.includes("Prima parte del PIN")),
    ).toHaveLength(1);
  });

  it("the halves in the other order are a wrong PIN that counts toward the lockout (R19, R08)", async () => {
    const { persona, token, code } = await linkFor();
    await confirmRecovery(tb, token, persona.fiscalCode, code);
    const { first, second } = await recoveryHalves(tb, persona.mobile, persona.email);
    const swapped = await login(tb, persona.fiscalCode, second + first);
    expect(swapped.res.status).toBe(401);
    const blocked = await login(tb, persona.fiscalCode, first + second);
    expect(blocked.res.status).toBe(423);
  });
});

describe("POST /api/v1/recoveries: the same answer whatever matched (R15)", () => {
  it("one contact wrong, an unknown fiscal code, an initial PIN never replaced: 202, nothing sent, the timeline says why", async () => {
    const { persona } = await activeCitizen(tb);
    const initial = (await issueInitialPin(tb)).persona;
    await settle(tb);
    const sent = tb.gateways.sentMail.length + tb.gateways.sentSms.length;
    const answers = [
      await askRecovery(tb, {
        fiscalCode: persona.fiscalCode,
        email: `x${persona.email}`,
        mobile: persona.mobile,
      }),
      await askRecovery(tb, { fiscalCode: "RSSMRA80A01H501U", email: persona.email, mobile: persona.mobile }),
      await askRecovery(tb, { fiscalCode: initial.fiscalCode, email: initial.email, mobile: initial.mobile }),
    ];
    for (const a of answers) expect(a).toEqual({ status: 202, body: { status: "accepted" } });
    await settle(tb);
    expect(tb.gateways.sentMail.length + tb.gateways.sentSms.length).toBe(sent);
    expect(
      (await eventsOf(persona.fiscalCode)).find((e) => e.type === "recovery-requested")?.data,
    ).toMatchObject({ matched: false, reason: "contacts-mismatch" });
    expect(
      (await eventsOf(initial.fiscalCode)).find((e) => e.type === "recovery-requested")?.data,
    ).toMatchObject({
      matched: false,
      reason: "initial-pin-not-activated",
    });
  });

  it("a missing contact or a malformed one is 400, in Italian, naming the field in words", async () => {
    const res = await askRecovery(tb, { fiscalCode: "RSSMRA80A01H501U", email: "mario@example.it" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation-failed");
    expect(res.body.errors).toEqual([
      { path: "mobile", message: "Indichi il numero di cellulare registrato per il PIN." },
    ]);
    const bad = await askRecovery(tb, {
      fiscalCode: "RSSMRA80A01H501U",
      email: "mario@example.it",
      mobile: "06 1234 5678",
    });
    expect(bad.body.detail).toMatch(/cellulare/);
  });
});
