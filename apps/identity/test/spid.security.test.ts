// A SPID session (R33) stands on no PIN. It cannot touch the PIN (change, generated PIN, conversion, the PIN's
// contacts): 403 pin-session-required. What happens to the PIN does not touch it: a block after a wrong PIN (which
// stops the PIN's sessions, R08), a change or a revocation ends only the PIN's sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spidSession } from "./spid-support.ts";
import { activeCitizen, bearer, createTestbed, login, OPERATOR_TOKEN, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

const DOCUMENT = {
  type: "carta-identita",
  number: "CA12345AB",
  issuedBy: "Comune di Roma",
  issueDate: "2021-05-10",
  expiryDate: "2031-05-10",
};

describe("what a SPID session may not do", () => {
  it.each([
    [
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: "Gatto7Bl", newPin: "Rondin42", confirmPin: "Rondin42" },
    ],
    ["POST", "/api/v1/me/generated-pin", undefined],
    ["GET", "/api/v1/me/contacts", undefined],
    ["PATCH", "/api/v1/me/contacts", { email: "nuova@example.it" }],
    ["GET", "/api/v1/me/dispositivo-conversion", undefined],
    ["POST", "/api/v1/me/dispositivo-requests", { identityDocument: DOCUMENT }],
  ])("%s %s: 403 pin-session-required, even at level 3", async (method, path, body) => {
    const { persona } = await activeCitizen(tb);
    const token = await spidSession(tb, persona.fiscalCode, 3);
    const res = await tb.call(method, path, body, bearer(token));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("pin-session-required");
    // …and the API reference says so, for a client generated from it.
    const doc = (await (await tb.call("GET", "/openapi.json")).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const operation = doc.paths[path]?.[method.toLowerCase()];
    expect(operation?.responses["403"]?.description).toContain("pin-session-required");
  });
});

describe("what happens to the PIN does not touch a SPID session", () => {
  it("a wrong PIN blocks the PIN's session (423) but not SPID, whose login still works during the block", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const pinToken = (await login(tb, persona.fiscalCode, pin)).body.token;
    const before = await spidSession(tb, persona.fiscalCode, 1);
    expect((await login(tb, persona.fiscalCode, "Sbagli4to")).res.status).toBe(401);
    expect((await tb.call("GET", "/api/v1/services/pension-slip", undefined, bearer(pinToken))).status).toBe(
      423,
    );
    expect((await tb.call("GET", "/api/v1/services/pension-slip", undefined, bearer(before))).status).toBe(
      200,
    );
    const during = await spidSession(tb, persona.fiscalCode, 2);
    expect(
      (await tb.call("POST", "/api/v1/services/applications", { kind: "naspi" }, bearer(during))).status,
    ).toBe(201);
  });

  it("a revocation ends the PIN's sessions, not the SPID one", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const pinToken = (await login(tb, persona.fiscalCode, pin)).body.token;
    const spidToken = await spidSession(tb, persona.fiscalCode, 2);
    expect(
      (
        await tb.call(
          "POST",
          `/api/v1/operator/citizens/${persona.fiscalCode}/revocation`,
          undefined,
          bearer(OPERATOR_TOKEN),
        )
      ).status,
    ).toBe(200);
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(pinToken))).status).toBe(401);
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(spidToken))).status).toBe(200);
  });

  it("a SPID session reads only its own citizen's documents", async () => {
    const a = await activeCitizen(tb);
    const b = await activeCitizen(tb);
    const token = await spidSession(tb, a.persona.fiscalCode, 2);
    const doc = (await (
      await tb.call("GET", "/api/v1/services/certificazione-unica", undefined, bearer(token))
    ).json()) as { fiscalCode: string };
    expect(doc.fiscalCode).toBe(a.persona.fiscalCode);
    expect(doc.fiscalCode).not.toBe(b.persona.fiscalCode);
  });
});
