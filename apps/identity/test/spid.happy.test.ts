// SPID (R33, R35): the test identity provider's assertion opens a session whose rights follow the level.
import { createLocalJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spidAssertion, spidLogin, spidSession } from "./spid-support.ts";
import { activeCitizen, bearer, createTestbed, OPERATOR_TOKEN, TOKEN, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("the test identity provider", () => {
  it("signs an assertion that anyone can check with its published key: issuer, audience, level, fiscal number", async () => {
    const { persona } = await activeCitizen(tb);
    const issued = await spidAssertion(tb, persona.fiscalCode.toLowerCase(), 2);
    const jwks = (await (await tb.call("GET", "/spid/jwks.json")).json()) as Parameters<
      typeof createLocalJWKSet
    >[0];
    const { payload, protectedHeader } = await jwtVerify(issued.assertion, createLocalJWKSet(jwks), {
      issuer: issued.issuer,
      audience: issued.audience,
      currentDate: tb.clock.now(),
    });
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload).toMatchObject({
      sub: `TINIT-${persona.fiscalCode}`,
      fiscalNumber: `TINIT-${persona.fiscalCode}`,
      name: persona.firstName,
      familyName: persona.lastName,
      dateOfBirth: persona.birthDate,
      acr: "https://www.spid.gov.it/SpidL2",
      spidLevel: 2,
    });
    expect(issued.issuer).toMatch(/\/spid$/);
    expect(Date.parse(issued.expiresAt) - tb.clock.now().getTime()).toBeLessThanOrEqual(300_000);
  });

  it("offers a page in Italian to pick an identity and a level, whose assertion logs in", async () => {
    const { persona } = await activeCitizen(tb);
    const page = await tb.call("GET", "/spid");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="it">');
    expect(html).toContain("Livello di sicurezza");
    const form = new URLSearchParams({ token: TOKEN, fiscalCode: persona.fiscalCode, level: "3" });
    const answer = await tb.call("POST", "/spid", form.toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(answer.status).toBe(200);
    const shown = /<textarea[^>]*>([^<]+)<\/textarea>/.exec(await answer.text())?.[1];
    expect(shown).toBeDefined();
    const { res, body } = await spidLogin(tb, shown);
    expect(res.status).toBe(201);
    expect(body.spidLevel).toBe(3);
  });
});

describe("a session opened with SPID", () => {
  it("of level 2 counts as a PIN dispositivo: it submits an application, which shows in the status of applications", async () => {
    const { persona } = await activeCitizen(tb);
    const { res, body } = await spidLogin(tb, (await spidAssertion(tb, persona.fiscalCode, 2)).assertion);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ pinKind: "dispositivo", spidLevel: 2, requiredAction: null });
    const me = await (await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).json();
    expect(me).toMatchObject({
      fiscalCode: persona.fiscalCode,
      pinKind: "dispositivo",
      spidLevel: 2,
      pinChangedAt: null,
    });
    const applied = await tb.call(
      "POST",
      "/api/v1/services/applications",
      { kind: "assegno-unico" },
      bearer(body.token),
    );
    expect(applied.status).toBe(201);
    const { applicationId } = (await applied.json()) as { applicationId: string };
    const status = (await (
      await tb.call("GET", "/api/v1/services/application-status", undefined, bearer(body.token))
    ).json()) as { lines: { label: string }[] };
    expect(status.lines.some((l) => l.label.startsWith(applicationId))).toBe(true);
  });

  it("of level 1 reads the consultation documents, as JSON and PDF, but an application is refused as for an ordinary PIN", async () => {
    const { persona } = await activeCitizen(tb);
    const token = await spidSession(tb, persona.fiscalCode, 1);
    const doc = await tb.call("GET", "/api/v1/services/certificazione-unica", undefined, bearer(token));
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { fiscalCode: string }).fiscalCode).toBe(persona.fiscalCode);
    const pdf = await tb.call("GET", "/api/v1/services/pension-slip/document.pdf", undefined, bearer(token));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const refused = await tb.call("POST", "/api/v1/services/applications", { kind: "naspi" }, bearer(token));
    expect(refused.status).toBe(403);
    const problem = (await refused.json()) as { code: string; detail: string };
    expect(problem.code).toBe("dispositivo-required");
    expect(problem.detail).toMatch(/SPID di livello 2/);
    expect(
      ((await (await tb.call("GET", "/api/v1/me", undefined, bearer(token))).json()) as { pinKind: string })
        .pinKind,
    ).toBe("ordinary");
  });

  it("needs no PIN: a citizen whose PIN was revoked enters with SPID", async () => {
    const { persona } = await activeCitizen(tb);
    const revoked = await tb.call(
      "POST",
      `/api/v1/operator/citizens/${persona.fiscalCode}/revocation`,
      undefined,
      bearer(OPERATOR_TOKEN),
    );
    expect(revoked.status).toBe(200);
    const token = await spidSession(tb, persona.fiscalCode, 2);
    expect(
      (await tb.call("GET", "/api/v1/services/contribution-years", undefined, bearer(token))).status,
    ).toBe(200);
  });

  it("ends on logout, and the operator's timeline shows the SPID login with its level", async () => {
    const { persona } = await activeCitizen(tb);
    const token = await spidSession(tb, persona.fiscalCode, 2);
    expect((await tb.call("DELETE", "/api/v1/sessions/current", undefined, bearer(token))).status).toBe(204);
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(token))).status).toBe(401);
    const timeline = (await (
      await tb.call(
        "GET",
        `/api/v1/operator/citizens/${persona.fiscalCode}/events`,
        undefined,
        bearer(OPERATOR_TOKEN),
      )
    ).json()) as {
      events: { type: string; data: Record<string, unknown> }[];
    };
    expect(timeline.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["spid-assertion-issued", "login-succeeded", "logged-out"]),
    );
    expect(timeline.events.find((e) => e.type === "login-succeeded")?.data).toMatchObject({
      via: "spid",
      spidLevel: 2,
    });
  });
});
