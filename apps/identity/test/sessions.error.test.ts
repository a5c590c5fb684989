// R08: a wrong PIN blocks for 3 minutes; a block is not extended by attempts during it; initial PIN expiry (R05).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestbed, issueInitialPin, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("POST /api/v1/sessions refuses", () => {
  it("a wrong PIN with 401, then anything for 3 minutes with 423 and Retry-After; then the right PIN works (R08)", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const wrong = await login(tb, persona.fiscalCode, "Wrong1Pin");
    expect(wrong.res.status).toBe(401);
    expect(wrong.body.code).toBe("invalid-credentials");
    const during = await login(tb, persona.fiscalCode, pin);
    expect(during.res.status).toBe(423);
    expect(during.body.code).toBe("locked");
    expect(during.body.retryAfter).toBeGreaterThan(170);
    expect(during.res.headers.get("retry-after")).toBe(String(during.body.retryAfter));
    await tb.advance("PT2M");
    const stillLocked = await login(tb, persona.fiscalCode, "Wrong1Pin");
    expect(stillLocked.res.status).toBe(423);
    // The attempt during the block did not extend it: about one minute is left.
    expect(stillLocked.body.retryAfter).toBeLessThanOrEqual(61);
    await tb.advance("PT61S");
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(201);
  });

  it("a new wrong PIN after a block blocks again for 3 minutes (repeated blocks)", async () => {
    const { persona, pin } = await activeCitizen(tb);
    for (let round = 0; round < 3; round++) {
      expect((await login(tb, persona.fiscalCode, "Wrong1Pin")).res.status).toBe(401);
      const blocked = await login(tb, persona.fiscalCode, pin);
      expect(blocked.res.status).toBe(423);
      expect(blocked.body.retryAfter).toBeGreaterThan(170);
      expect(blocked.body.retryAfter).toBeLessThanOrEqual(180);
      await tb.advance("PT3M");
    }
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(201);
  });

  it("the initial PIN after 90 days: 410 initial-pin-expired only with the right PIN (R05)", async () => {
    const { persona, pin } = await issueInitialPin(tb);
    await tb.advance("P91D");
    const wrong = await login(tb, persona.fiscalCode, "AAAABBBBCCCCDDDD");
    expect(wrong.res.status).toBe(401);
    const right = await login(tb, persona.fiscalCode, pin);
    expect(right.res.status).toBe(410);
    expect(right.body.code).toBe("initial-pin-expired");
  });

  it("a malformed body: 400 validation-failed", async () => {
    const res = await tb.call("POST", "/api/v1/sessions", { fiscalCode: "X" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("validation-failed");
  });

  it("under the asvs-l2 profile two typos pass free and the third blocks", async () => {
    const other = await (
      await import("./support.ts")
    ).createTestbed(`${import.meta.filename}-asvs`, { policy: "asvs-l2" });
    try {
      const { persona, pin } = await activeCitizen(other);
      expect((await login(other, persona.fiscalCode, "Wrong1Pin")).res.status).toBe(401);
      expect((await login(other, persona.fiscalCode, "Wrong1Pin")).res.status).toBe(401);
      expect((await login(other, persona.fiscalCode, "Wrong1Pin")).res.status).toBe(401);
      const blocked = await login(other, persona.fiscalCode, pin);
      expect(blocked.res.status).toBe(423);
      expect(blocked.body.retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await other.close();
    }
  });
});
