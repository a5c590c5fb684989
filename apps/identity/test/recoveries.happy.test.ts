// R15–R20: a lost PIN recovered online: link and code by email, new halves by SMS and email, the generated PIN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askRecovery, confirmRecovery, recoveryHalves, recoveryMail, settle } from "./recovery-support.ts";
import { activeCitizen, bearer, createTestbed, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("POST /api/v1/recoveries and the link", () => {
  it("mobile and email matching (written differently): link and code by email, only hashes stored", async () => {
    const { persona } = await activeCitizen(tb);
    const spaced = `${persona.mobile.slice(3, 6)} ${persona.mobile.slice(6)}`;
    const asked = await askRecovery(tb, {
      fiscalCode: persona.fiscalCode.toLowerCase(),
      email: persona.email.toUpperCase(),
      mobile: spaced,
    });
    expect(asked).toEqual({ status: 202, body: { status: "accepted" } });
    await settle(tb);
    const mail = recoveryMail(tb, persona.email);
    expect(mail?.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(mail?.link).toMatch(/^http:\/\/.+\/api\/v1\/recoveries\/rip_[\w-]{43}$/);
    expect(mail?.text).not.toMatch(/cifre/);
    const stored = await tb.handle.db.execute("select token_hash, code_hash from identity.recoveries");
    const dump = JSON.stringify(stored);
    expect(dump).not.toContain(mail!.token);
    expect(dump).not.toContain(mail!.code);
  });

  it("the link's GET only shows the form; the confirm sends the halves, ends the old PIN and every session", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body: before } = await login(tb, persona.fiscalCode, pin);
    await askRecovery(tb, { fiscalCode: persona.fiscalCode, email: persona.email, mobile: persona.mobile });
    await settle(tb);
    const { token, code } = recoveryMail(tb, persona.email)!;
    for (let i = 0; i < 2; i++) {
      const form = await tb.call("GET", `/api/v1/recoveries/${token}`);
      expect(form.status).toBe(200);
      expect(form.headers.get("content-type")).toContain("text/html");
      expect(await form.text()).toContain("Codice di ripristino");
    }
    const confirmed = await confirmRecovery(tb, token, persona.fiscalCode, code.toLowerCase());
    expect(confirmed).toEqual({
      status: 202,
      body: { status: "pin-sent", channels: { firstHalf: "sms", secondHalf: "email" } },
    });
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(before.token))).status).toBe(401);
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(401);
    await tb.advance("PT3M");
    const { first, second } = await recoveryHalves(tb, persona.mobile, persona.email);
    expect(first).toHaveLength(8);
    expect(second).toHaveLength(8);
    const session = await login(tb, persona.fiscalCode, first + second);
    expect(session.res.status).toBe(201);
    expect(session.body.requiredAction).toBe("confirm-generated-pin");
    // A used link is gone for good.
    expect((await confirmRecovery(tb, token, persona.fiscalCode, code)).body.code).toBe("recovery-expired");
  });

  it("the generated PIN: shown once, a second request voids the first, the confirmed one logs in (R20)", async () => {
    const { persona } = await activeCitizen(tb);
    await askRecovery(tb, { fiscalCode: persona.fiscalCode, email: persona.email, mobile: persona.mobile });
    await settle(tb);
    const { token, code } = recoveryMail(tb, persona.email)!;
    expect((await confirmRecovery(tb, token, persona.fiscalCode, code)).status).toBe(202);
    const { first, second } = await recoveryHalves(tb, persona.mobile, persona.email);
    const { body: session } = await login(tb, persona.fiscalCode, first + second);
    expect(
      (await tb.call("GET", "/api/v1/services/pension-slip", undefined, bearer(session.token))).status,
    ).toBe(403);
    const shown1 = await tb.call("POST", "/api/v1/me/generated-pin", undefined, bearer(session.token));
    expect(shown1.status).toBe(201);
    expect(shown1.headers.get("cache-control")).toBe("no-store");
    const pin1 = ((await shown1.json()) as { pin: string }).pin;
    const pin2 = (
      (await (
        await tb.call("POST", "/api/v1/me/generated-pin", undefined, bearer(session.token))
      ).json()) as { pin: string }
    ).pin;
    expect(pin1).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(pin2).not.toBe(pin1);
    const stale = await tb.call(
      "POST",
      "/api/v1/me/generated-pin/confirm",
      { pin: pin1 },
      bearer(session.token),
    );
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { code: string }).code).toBe("invalid-code");
    const done = await tb.call(
      "POST",
      "/api/v1/me/generated-pin/confirm",
      { pin: pin2 },
      bearer(session.token),
    );
    expect(done.status).toBe(200);
    expect(((await done.json()) as { status: string }).status).toBe("changed");
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(session.token))).status).toBe(401);
    const next = await login(tb, persona.fiscalCode, pin2);
    expect(next.res.status).toBe(201);
    expect(next.body.requiredAction).toBe(null);
    expect(tb.logs.join("\n")).not.toContain(pin2);
    const events = (await (await tb.sim("GET", `/citizens/${persona.fiscalCode}/events`)).json()) as {
      events: { type: string }[];
    };
    const types = events.events.map((e) => e.type);
    for (const t of [
      "recovery-requested",
      "recovery-confirmed",
      "generated-pin-shown",
      "generated-pin-confirmed",
    ])
      expect(types).toContain(t);
  });

  it("a retry with the same Idempotency-Key gets the first answer and sends no second link", async () => {
    const { persona } = await activeCitizen(tb);
    const body = { fiscalCode: persona.fiscalCode, email: persona.email, mobile: persona.mobile };
    for (let i = 0; i < 2; i++) {
      const res = await tb.call("POST", "/api/v1/recoveries", body, {
        "idempotency-key": `rec-${persona.fiscalCode}`,
      });
      expect(res.status).toBe(202);
    }
    await settle(tb);
    expect(
      tb.gateways.sentMail.filter((m) => m.to === persona.email && m.subject.includes("Recupero")),
    ).toHaveLength(1);
  });

  it("a newer request supersedes the older link", async () => {
    const { persona } = await activeCitizen(tb);
    await askRecovery(tb, { fiscalCode: persona.fiscalCode, email: persona.email, mobile: persona.mobile });
    await settle(tb);
    const older = recoveryMail(tb, persona.email)!;
    await askRecovery(tb, { fiscalCode: persona.fiscalCode, email: persona.email, mobile: persona.mobile });
    await settle(tb);
    const newer = recoveryMail(tb, persona.email)!;
    expect(newer.token).not.toBe(older.token);
    const stale = await confirmRecovery(tb, older.token, persona.fiscalCode, older.code);
    expect(stale.status).toBe(410);
    expect(stale.body).toMatchObject({ code: "recovery-expired", reason: "superseded" });
    expect((await confirmRecovery(tb, newer.token, persona.fiscalCode, newer.code)).status).toBe(202);
  });

  it("any-two: email and PEC recover, and the link goes to the PEC; mobile-and-email refuses the same pair", async () => {
    const p = tb.persona();
    const pec = `${p.email.split("@")[0]}@pec.it`;
    const created = await tb.sim("POST", "/citizens", {
      fiscalCode: p.fiscalCode,
      firstName: p.firstName,
      lastName: p.lastName,
      gender: p.gender,
      birthDate: p.birthDate,
      birthPlace: p.birthPlace,
      residence: p.residence,
      contacts: { email: p.email, pec, mobile: p.mobile },
      pin: "Gatto7Bl",
    });
    expect(created.status).toBe(201);
    await askRecovery(tb, { fiscalCode: p.fiscalCode, email: p.email, pec });
    await settle(tb);
    expect(recoveryMail(tb, pec)).toBeUndefined();
    expect(recoveryMail(tb, p.email)).toBeUndefined();
    expect(await (await tb.sim("PUT", "/recovery-contacts", { profile: "any-two" })).json()).toEqual({
      profile: "any-two",
    });
    try {
      expect(await askRecovery(tb, { fiscalCode: p.fiscalCode, email: p.email, pec })).toEqual({
        status: 202,
        body: { status: "accepted" },
      });
      await settle(tb);
      expect(recoveryMail(tb, pec)?.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    } finally {
      await tb.sim("PUT", "/recovery-contacts", { profile: "mobile-and-email" });
    }
  });
});
