// Who may touch a conversion request: its own citizen (without a pending required action) and the operators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityDocument, openRequest, ordinarySession } from "./dispositivo-support.ts";
import { bearer, createTestbed, issueInitialPin, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("PIN dispositivo routes", () => {
  it("a session with a required action pending cannot ask (403 action-required)", async () => {
    const { persona, pin } = await issueInitialPin(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    const res = await tb.call(
      "POST",
      "/api/v1/me/dispositivo-requests",
      { identityDocument: identityDocument() },
      bearer(body.token),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: "action-required",
      requiredAction: "replace-initial-pin",
    });
  });

  it("another citizen's request, its form and its upload are 404 to a citizen", async () => {
    const owner = await ordinarySession(tb);
    const other = await ordinarySession(tb);
    const { requestId, formUrl } = await openRequest(tb, owner.headers);
    expect(
      (await tb.call("GET", `/api/v1/me/dispositivo-requests/${requestId}`, undefined, other.headers)).status,
    ).toBe(404);
    expect((await tb.call("GET", formUrl, undefined, other.headers)).status).toBe(404);
  });

  it("the operator routes refuse no token and a citizen's session token (401)", async () => {
    const { headers } = await ordinarySession(tb);
    for (const h of [undefined, headers]) {
      const res = await tb.call("GET", "/api/v1/operator/dispositivo-requests", undefined, h);
      expect(res.status).toBe(401);
      const decision = await tb.call(
        "POST",
        "/api/v1/operator/dispositivo-requests/DSP-X/decision",
        { decision: "approve" },
        h,
      );
      expect(decision.status).toBe(401);
    }
  });
});
