// R07 login with fiscal code and PIN; R06 first access; R13 expiry; sessions end on logout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, issueInitialPin, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("POST /api/v1/sessions", () => {
  it("an active PIN opens a session with no required action; GET /me tells who it is (R07)", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { res, body } = await login(tb, persona.fiscalCode, pin);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ pinKind: "ordinary", requiredAction: null });
    expect(typeof body.token).toBe("string");
    const me = await tb.call("GET", "/api/v1/me", undefined, bearer(body.token));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      fiscalCode: persona.fiscalCode,
      firstName: persona.firstName,
      requiredAction: null,
    });
  });

  it("the 16-character initial PIN opens a session limited to replacing it (R06)", async () => {
    const { persona, pin } = await issueInitialPin(tb);
    expect(pin).toHaveLength(16);
    const { res, body } = await login(tb, persona.fiscalCode, pin);
    expect(res.status).toBe(201);
    expect(body.requiredAction).toBe("replace-initial-pin");
    const me = await tb.call("GET", "/api/v1/me", undefined, bearer(body.token));
    expect(me.status).toBe(200);
  });

  it("180 days after the last change the login leads to renew-expired-pin (R13)", async () => {
    const { persona, pin } = await activeCitizen(tb);
    await tb.advance("P179D");
    expect((await login(tb, persona.fiscalCode, pin)).body.requiredAction).toBe(null);
    await tb.advance("P1D");
    const { res, body } = await login(tb, persona.fiscalCode, pin);
    expect(res.status).toBe(201);
    expect(body.requiredAction).toBe("renew-expired-pin");
    const me = (await (await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).json()) as {
      pinExpiresAt: string;
    };
    expect(Date.parse(me.pinExpiresAt)).toBeLessThanOrEqual(tb.clock.now().getTime());
  });

  it("logout ends the session", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    expect((await tb.call("DELETE", "/api/v1/sessions/current", undefined, bearer(body.token))).status).toBe(
      204,
    );
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(401);
  });

  it("a session expires after the policy's lifetime", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    await tb.advance("PT31M");
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(401);
  });
});
