// R22–R24: revocation online closes the credential at once and a new request starts from scratch; R26 by phone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askRecovery, confirmRecovery, recoveryMail, settle } from "./recovery-support.ts";
import {
  bearer,
  createTestbed,
  login,
  OPERATOR_TOKEN,
  requestBody,
  secret,
  type Testbed,
} from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

const asOperator = bearer(OPERATOR_TOKEN);

/** A citizen with an active PIN and a health card on record. */
async function citizenWithCard(pin = "Gatto7Bl", contacts?: Record<string, string>) {
  const p = tb.persona();
  const res = await tb.sim("POST", "/citizens", {
    ...requestBody(p),
    contacts: contacts ?? { email: p.email, mobile: p.mobile },
    pin,
  });
  expect(res.status).toBe(201);
  return { persona: p, pin };
}

const revoke = (body: unknown) => tb.call("POST", "/api/v1/revocations", body);

async function timeline(fiscalCode: string) {
  const res = await tb.call("GET", `/api/v1/operator/citizens/${fiscalCode}/events`, undefined, asOperator);
  return ((await res.json()) as { events: { type: string; data: Record<string, unknown> }[] }).events;
}

describe("POST /api/v1/revocations", () => {
  it("revokes at once: sessions end, the PIN stops working, pending changes and messages are cancelled, a confirmation is sent", async () => {
    const { persona, pin } = await citizenWithCard();
    const { body } = await login(tb, persona.fiscalCode, pin);
    const change = await tb.call(
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: pin, newPin: "Rondin42", confirmPin: "Rondin42" },
      bearer(body.token),
    );
    expect(change.status).toBe(202);
    const { changeId } = (await change.json()) as { changeId: string };
    // The verification code is still in the outbox when the revocation arrives.
    const res = await revoke({
      fiscalCode: persona.fiscalCode.toLowerCase(),
      healthCard: persona.healthCard,
      email: persona.email.toUpperCase(),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "revoked" });
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(401);
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(401);
    await tb.drain();
    const mails = tb.gateways.sentMail.filter((m) => m.to === persona.email);
    expect(mails.map((m) => m.subject)).toEqual(["INPS - Revoca del PIN"]);
    expect(mails[0]!.text).toMatch(/revocato/);
    expect(mails[0]!.text).toMatch(/803 164/);
    expect(mails[0]!.text).toMatch(/06 164 164/);
    const outbox = (await (await tb.sim("GET", `/outbox?fiscalCode=${persona.fiscalCode}`)).json()) as {
      messages: { purpose: string; status: string }[];
    };
    expect(outbox.messages.find((m) => m.purpose === "verification-code")?.status).toBe("cancelled");
    const events = await timeline(persona.fiscalCode);
    expect(events.find((e) => e.type === "revoked")).toMatchObject({
      data: { via: "online", sessionsEnded: 1, pinChangesVoided: 1, messagesCancelled: 1 },
    });
    // The session is gone, so the change can no longer be confirmed either.
    expect(
      (
        await tb.call(
          "POST",
          `/api/v1/me/pin-changes/${changeId}/verify`,
          { code: "123456" },
          bearer(body.token),
        )
      ).status,
    ).toBe(401);
  });

  it("the confirmation goes by PEC when the PEC was given", async () => {
    const p0 = tb.persona();
    const pec = p0.email.replace(/@.*/, "@pec.it");
    const { persona } = await citizenWithCard("Gatto7Bl", { email: tb.persona().email, pec });
    expect(
      (await revoke({ fiscalCode: persona.fiscalCode, healthCard: persona.healthCard, pec })).status,
    ).toBe(200);
    await tb.drain();
    expect(tb.gateways.sentMail.filter((m) => m.to === pec).map((m) => m.subject)).toEqual([
      "INPS - Revoca del PIN",
    ]);
  });

  it("after a revocation a new request starts from scratch, and the old halves never work again (R24)", async () => {
    const p = tb.persona();
    expect(
      (
        await tb.call(
          "POST",
          "/api/v1/pin-requests",
          requestBody(p, { deliveryProfile: "post-then-activate", firstHalfChannel: "email" }),
        )
      ).status,
    ).toBe(202);
    await tb.drain();
    const oldHalf = secret(
      tb.gateways.sentLetters.findLast((l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase())?.body,
      "Prima parte del PIN",
    )!;
    expect(
      (await revoke({ fiscalCode: p.fiscalCode, healthCard: p.healthCard, email: p.email })).status,
    ).toBe(200);
    // The letter arrives after the revocation: it no longer activates anything.
    const late = await tb.call("POST", "/api/v1/pin-activations", {
      fiscalCode: p.fiscalCode,
      firstHalf: oldHalf,
      healthCard: p.healthCard,
    });
    expect(late.status).toBe(401);
    const again = await tb.call(
      "POST",
      "/api/v1/pin-requests",
      requestBody(p, { deliveryProfile: "post-then-activate", firstHalfChannel: "email" }),
    );
    expect(again.status).toBe(202);
    await tb.drain();
    const newHalf = secret(
      tb.gateways.sentLetters.findLast((l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase())?.body,
      "Prima parte del PIN",
    )!;
    expect(newHalf).not.toBe(oldHalf);
    expect(
      (
        await tb.call("POST", "/api/v1/pin-activations", {
          fiscalCode: p.fiscalCode,
          firstHalf: oldHalf,
          healthCard: p.healthCard,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await tb.call("POST", "/api/v1/pin-activations", {
          fiscalCode: p.fiscalCode,
          firstHalf: newHalf,
          healthCard: p.healthCard,
        })
      ).status,
    ).toBe(202);
  });

  it("a half still waiting in the outbox is never sent after the revocation", async () => {
    const p = tb.persona();
    expect(
      (
        await tb.call(
          "POST",
          "/api/v1/pin-requests",
          requestBody(p, { deliveryProfile: "digital-then-post", firstHalfChannel: "email" }),
        )
      ).status,
    ).toBe(202);
    expect(
      (await revoke({ fiscalCode: p.fiscalCode, healthCard: p.healthCard, email: p.email })).status,
    ).toBe(200);
    await tb.drain();
    expect(
      tb.gateways.sentLetters.filter((l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase()),
    ).toEqual([]);
    expect(tb.gateways.sentMail.filter((m) => m.to === p.email).map((m) => m.subject)).toEqual([
      "INPS - Revoca del PIN",
    ]);
  });
});

describe("revocation and a recovery under way (R15–R18, R24)", () => {
  it("a recovery link and code sent before the revocation no longer work after it", async () => {
    const { persona } = await citizenWithCard();
    expect(
      (
        await askRecovery(tb, {
          fiscalCode: persona.fiscalCode,
          email: persona.email,
          mobile: persona.mobile,
        })
      ).status,
    ).toBe(202);
    await settle(tb);
    const mail = recoveryMail(tb, persona.email);
    expect(mail).toBeDefined();
    expect(
      (await revoke({ fiscalCode: persona.fiscalCode, healthCard: persona.healthCard, email: persona.email }))
        .status,
    ).toBe(200);
    const confirm = await confirmRecovery(tb, mail!.token, persona.fiscalCode, mail!.code);
    expect(confirm.status).toBe(410);
    expect(confirm.body.code).toBe("recovery-expired");
    const events = await timeline(persona.fiscalCode);
    expect(events.find((e) => e.type === "revoked")?.data).toMatchObject({ recoveriesVoided: 1 });
    await settle(tb);
    expect(
      tb.gateways.sentSms.filter((m) => m.to === persona.mobile && m.text.includes("Prima parte del PIN")),
    ).toEqual([]);
  });
});

describe("POST /api/v1/operator/citizens/{fiscalCode}/revocation (R26)", () => {
  it("revokes on the caller's behalf; the timeline names the operator", async () => {
    const { persona, pin } = await citizenWithCard();
    const res = await tb.call(
      "POST",
      `/api/v1/operator/citizens/${persona.fiscalCode}/revocation`,
      undefined,
      asOperator,
    );
    expect(res.status).toBe(200);
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(401);
    expect((await timeline(persona.fiscalCode)).find((e) => e.type === "revoked")).toMatchObject({
      data: { via: "contact-centre", operatorId: "op1" },
    });
    await tb.drain();
    expect(tb.gateways.sentMail.findLast((m) => m.to === persona.email)?.text).toMatch(/contact center/);
    const twice = await tb.call(
      "POST",
      `/api/v1/operator/citizens/${persona.fiscalCode}/revocation`,
      undefined,
      asOperator,
    );
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { code: string }).code).toBe("not-revocable");
  });

  it("an unknown citizen: 404", async () => {
    const res = await tb.call(
      "POST",
      `/api/v1/operator/citizens/${tb.persona().fiscalCode}/revocation`,
      undefined,
      asOperator,
    );
    expect(res.status).toBe(404);
  });
});
