// R09–R11: change with current, new and confirmation; a code to the email; the next login uses the new PIN.
// Also R06 (first access) and R13 (renewal) through the same flow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeCitizen,
  bearer,
  createTestbed,
  issueInitialPin,
  login,
  secret,
  type Testbed,
} from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function change(token: unknown, currentPin: string, newPin: string, email: string) {
  const res = await tb.call(
    "POST",
    "/api/v1/me/pin-changes",
    { currentPin, newPin, confirmPin: newPin },
    bearer(token),
  );
  expect(res.status).toBe(202);
  const started = (await res.json()) as {
    changeId: string;
    verificationChannel: string;
    destination: string;
  };
  await tb.drain();
  const code = secret(tb.gateways.sentMail.findLast((m) => m.to === email)?.text, "Codice di verifica")!;
  return { started, code };
}

describe("POST /api/v1/me/pin-changes", () => {
  it("changes the PIN after the code: old PIN refused, new one accepted, every session ended (R34), notice sent", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    const other = await login(tb, persona.fiscalCode, pin);
    const { started, code } = await change(body.token, pin, "Rondin42", persona.email);
    expect(started.verificationChannel).toBe("email");
    expect(started.destination).toMatch(/^\w\*\*\*\w@example\.it$/);
    expect(code).toMatch(/^\d{6}$/);
    const verify = await tb.call(
      "POST",
      `/api/v1/me/pin-changes/${started.changeId}/verify`,
      { code },
      bearer(body.token),
    );
    expect(verify.status).toBe(200);
    const verified = (await verify.json()) as { status: string; pinExpiresAt: string };
    expect(verified.status).toBe("changed");
    expect(Date.parse(verified.pinExpiresAt) - tb.clock.now().getTime()).toBeGreaterThan(179 * 86_400_000);
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(other.body.token))).status).toBe(401);
    // R34: the session in which the PIN was changed ends too.
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(401);
    await tb.drain();
    expect(tb.gateways.sentMail.findLast((m) => m.to === persona.email)?.subject).toContain("PIN modificato");
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(401);
    await tb.advance("PT3M");
    expect((await login(tb, persona.fiscalCode, "Rondin42")).res.status).toBe(201);
  });

  it("first access: the 16 characters are replaced by an 8-character PIN used from then on (R06)", async () => {
    const { persona, pin } = await issueInitialPin(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    expect(body.requiredAction).toBe("replace-initial-pin");
    const { started, code } = await change(body.token, pin, "Fiume8Bz", persona.email);
    expect(
      (
        await tb.call(
          "POST",
          `/api/v1/me/pin-changes/${started.changeId}/verify`,
          { code },
          bearer(body.token),
        )
      ).status,
    ).toBe(200);
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(401);
    const next = await login(tb, persona.fiscalCode, "Fiume8Bz");
    expect(next.res.status).toBe(201);
    expect(next.body.requiredAction).toBe(null);
  });

  it("an expired PIN is renewed the same way (R13)", async () => {
    const { persona, pin } = await activeCitizen(tb);
    await tb.advance("P180D");
    const { body } = await login(tb, persona.fiscalCode, pin);
    expect(body.requiredAction).toBe("renew-expired-pin");
    const { started, code } = await change(body.token, pin, "Querc5Az", persona.email);
    expect(
      (
        await tb.call(
          "POST",
          `/api/v1/me/pin-changes/${started.changeId}/verify`,
          { code },
          bearer(body.token),
        )
      ).status,
    ).toBe(200);
    expect((await login(tb, persona.fiscalCode, "Querc5Az")).body.requiredAction).toBe(null);
  });

  it("without an email the code goes by SMS to the mobile (R11)", async () => {
    const { persona, pin } = await activeCitizen(tb, "Gatto7Bl", { contacts: { mobile: "+393471234567" } });
    const { body } = await login(tb, persona.fiscalCode, pin);
    const res = await tb.call(
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: pin, newPin: "Rondin42", confirmPin: "Rondin42" },
      bearer(body.token),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ verificationChannel: "sms", destination: "+39 3** *** **67" });
    await tb.drain();
    expect(
      secret(tb.gateways.sentSms.findLast((m) => m.to === "+393471234567")?.text, "Codice di verifica"),
    ).toMatch(/^\d{6}$/);
  });
});
