// The services need a session, and a session with a required action may do nothing else (R06, R13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, issueInitialPin, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("GET /api/v1/services/*", () => {
  it("refuses a request without a session, or with a made-up token", async () => {
    for (const headers of [undefined, bearer("not-a-session-token")]) {
      const res = await tb.call("GET", "/api/v1/services/contribution-statement", undefined, headers);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("unauthenticated");
    }
  });

  it("refuses a first-access session until the 16 characters are replaced (403 action-required)", async () => {
    const { persona, pin } = await issueInitialPin(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    expect(body.requiredAction).toBe("replace-initial-pin");
    const res = await tb.call("GET", "/api/v1/services/pension-slip", undefined, bearer(body.token));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: "action-required",
      requiredAction: "replace-initial-pin",
    });
    // /me stays open to it
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(200);
  });

  it("a block stops every service: a session opened before the wrong PIN gets 423 until it ends; logout still works (R08)", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    expect((await login(tb, persona.fiscalCode, `${pin}x`)).res.status).toBe(401);
    for (const path of ["/api/v1/services/contribution-statement", "/api/v1/me"]) {
      const res = await tb.call("GET", path, undefined, bearer(body.token));
      expect(res.status).toBe(423);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    await tb.advance("PT3M");
    expect(
      (await tb.call("GET", "/api/v1/services/pension-slip", undefined, bearer(body.token))).status,
    ).toBe(200);
    expect((await login(tb, persona.fiscalCode, `${pin}x`)).res.status).toBe(401);
    expect((await tb.call("DELETE", "/api/v1/sessions/current", undefined, bearer(body.token))).status).toBe(
      204,
    );
  });
});
