// SPID refused (R33, R35): before 15 March 2016, bad input (400), and every kind of bad assertion (401, with a
// stable reason): another key, another issuer, another audience, expired, used twice, unsigned, unknown citizen.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAssertion } from "../src/spid/assertion.ts";
import { createSpidKeys } from "../src/spid/idp-keys.ts";
import { spidAssertion, spidLogin } from "./spid-support.ts";
import { activeCitizen, bearer, createTestbed, TOKEN, type Testbed } from "./support.ts";

const keys = createSpidKeys();
let tb: Testbed;
let early: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename, { spidKeys: keys });
  // One hour before midnight of 15 March 2016 in Rome.
  early = await createTestbed(`${import.meta.filename}-2016`, { start: new Date("2016-03-14T22:00:00Z") });
  // Two databases to migrate: more than one hook's time on a loaded machine.
}, 180_000);
afterAll(async () => {
  await tb?.close();
  await early?.close();
});

const reasonOf = async (assertion: unknown) => {
  const { res, body } = await spidLogin(tb, assertion);
  return { status: res.status, code: body.code, reason: body.reason };
};

async function forged(
  fiscalCode: string,
  change: { issuer?: string; audience?: string; acr?: string; signWith?: ReturnType<typeof createSpidKeys> },
) {
  const issued = await spidAssertion(tb, fiscalCode, 2);
  const now = Math.floor(tb.clock.now().getTime() / 1000);
  const signer = change.signWith ?? keys;
  return new SignJWT({ acr: change.acr ?? "https://www.spid.gov.it/SpidL2" })
    .setProtectedHeader({ alg: "ES256", kid: signer.kid })
    .setIssuer(change.issuer ?? issued.issuer)
    .setAudience(change.audience ?? issued.audience)
    .setSubject(`TINIT-${fiscalCode}`)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(signer.privateKey);
}

describe("SPID before 15 March 2016", () => {
  it("is refused with 403 spid-not-available, and accepted once midnight in Rome has passed", async () => {
    const { persona } = await activeCitizen(early);
    const before = await early.call("POST", "/api/v1/sessions/spid", {
      assertion: (await spidAssertion(early, persona.fiscalCode, 2)).assertion,
    });
    expect(before.status).toBe(403);
    const problem = (await before.json()) as { code: string; detail: string };
    expect(problem.code).toBe("spid-not-available");
    expect(problem.detail).toMatch(/15 marzo 2016/);
    await early.advance("PT1H");
    const after = await early.call("POST", "/api/v1/sessions/spid", {
      assertion: (await spidAssertion(early, persona.fiscalCode, 2)).assertion,
    });
    expect(after.status).toBe(201);
  });
});

describe("bad input", () => {
  it.each([
    ["no assertion", {}],
    ["a number", { assertion: 42 }],
    ["not a JWT", { assertion: "not-a-jwt" }],
    ["an extra field", { assertion: "a.b.c", level: 3 }],
    ["too long", { assertion: `${"a".repeat(9000)}.b.c` }],
  ])("%s: 400 validation-failed naming the field, nothing stored", async (_what, body) => {
    const res = await tb.call("POST", "/api/v1/sessions/spid", body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(((await res.json()) as { code: string }).code).toBe("validation-failed");
  });

  it("asks the identity provider for a level SPID does not have, or without the admin token", async () => {
    const { persona } = await activeCitizen(tb);
    expect(
      (await tb.call("POST", "/spid/assertions", { fiscalCode: persona.fiscalCode, level: 4 }, bearer(TOKEN)))
        .status,
    ).toBe(400);
    expect(
      (await tb.call("POST", "/spid/assertions", { fiscalCode: persona.fiscalCode, level: 2 })).status,
    ).toBe(401);
    const unknown = await tb.call(
      "POST",
      "/spid/assertions",
      { fiscalCode: "RSSMRA80A01H501U", level: 2 },
      bearer(TOKEN),
    );
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe("unknown-identity");
  });
});

describe("bad assertions: 401 spid-assertion-rejected with the reason", () => {
  it("signed with another key: signature", async () => {
    const { persona } = await activeCitizen(tb);
    expect(await reasonOf(await forged(persona.fiscalCode, { signWith: createSpidKeys() }))).toEqual({
      status: 401,
      code: "spid-assertion-rejected",
      reason: "signature",
    });
  });

  it("changed after signing (a higher level): signature", async () => {
    const { persona } = await activeCitizen(tb);
    const [header, payload, signature] = (await spidAssertion(tb, persona.fiscalCode, 1)).assertion.split(
      ".",
    ) as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const raised = Buffer.from(
      JSON.stringify({ ...claims, acr: "https://www.spid.gov.it/SpidL3", spidLevel: 3 }),
    ).toString("base64url");
    expect((await reasonOf(`${header}.${raised}.${signature}`)).reason).toBe("signature");
  });

  it("from another issuer: issuer", async () => {
    const { persona } = await activeCitizen(tb);
    expect(
      (await reasonOf(await forged(persona.fiscalCode, { issuer: "https://idp.example/spid" }))).reason,
    ).toBe("issuer");
  });

  it("for another service provider: audience", async () => {
    const { persona } = await activeCitizen(tb);
    const issued = await spidAssertion(tb, persona.fiscalCode, 2, { audience: "https://altro-ente.example" });
    expect((await reasonOf(issued.assertion)).reason).toBe("audience");
  });

  it("past its validity: expired", async () => {
    const { persona } = await activeCitizen(tb);
    const issued = await spidAssertion(tb, persona.fiscalCode, 2, { lifetimeSeconds: 60 });
    await tb.advance("PT2M");
    expect((await reasonOf(issued.assertion)).reason).toBe("expired");
  });

  it("used a second time: replayed, and the first session still works", async () => {
    const { persona } = await activeCitizen(tb);
    const issued = await spidAssertion(tb, persona.fiscalCode, 2);
    const first = await spidLogin(tb, issued.assertion);
    expect(first.res.status).toBe(201);
    expect(await reasonOf(issued.assertion)).toEqual({
      status: 401,
      code: "spid-assertion-rejected",
      reason: "replayed",
    });
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(first.body.token))).status).toBe(200);
  });

  it("used twice at once: exactly one session", async () => {
    const { persona } = await activeCitizen(tb);
    const issued = await spidAssertion(tb, persona.fiscalCode, 2);
    const answers = await Promise.all(Array.from({ length: 5 }, () => spidLogin(tb, issued.assertion)));
    expect(answers.map((a) => a.res.status).sort()).toEqual([201, 401, 401, 401, 401]);
  });

  it("unsigned (alg none) or with a level SPID does not have: malformed", async () => {
    const { persona } = await activeCitizen(tb);
    const claims = {
      sub: `TINIT-${persona.fiscalCode}`,
      acr: "https://www.spid.gov.it/SpidL2",
      jti: "x",
      exp: 9_999_999_999,
      iat: 1,
    };
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.AA`;
    expect((await reasonOf(unsigned)).reason).toBe("malformed");
    expect(
      (await reasonOf(await forged(persona.fiscalCode, { acr: "https://www.spid.gov.it/SpidL4" }))).reason,
    ).toBe("malformed");
  });

  it("validly signed for someone the simulator does not know (reset since): unknown-citizen", async () => {
    const { assertion } = await signAssertion(keys, {
      identity: {
        fiscalCode: "RSSMRA80A01H501U",
        name: "Mario",
        familyName: "Rossi",
        dateOfBirth: "1980-01-01",
      },
      level: 2,
      issuer: (await spidAssertion(tb, (await activeCitizen(tb)).persona.fiscalCode, 1)).issuer,
      audience: (await spidAssertion(tb, (await activeCitizen(tb)).persona.fiscalCode, 1)).audience,
      now: tb.clock.now(),
      lifetimeSeconds: 300,
      jti: randomUUID(),
    });
    expect((await reasonOf(assertion)).reason).toBe("unknown-citizen");
  });
});
