// No answer tells whether a citizen exists: after wrong PINs an unknown fiscal code meets the same 401s, 423s and
// Retry-After as a known one (the probe found a lock oracle: 423 for known codes, 401 for unknown ones, always).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestbed, login, requestBody, type Testbed } from "./support.ts";

// lockedUntil follows the simulated clock, which runs on between two requests; Retry-After is compared instead.
const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined, lockedUntil: undefined });

async function attempts(tb: Testbed, fiscalCode: string, count: number, between = "PT0S") {
  const seen: { status: number; retryAfter: string | null; body: Record<string, unknown> }[] = [];
  for (let i = 0; i < count; i++) {
    const { res, body } = await login(tb, fiscalCode, "Wrong1Pin");
    seen.push({ status: res.status, retryAfter: res.headers.get("retry-after"), body: strip(body) });
    if (between !== "PT0S") await tb.advance(between);
  }
  return seen;
}

describe.each(["inps-guides", "asvs-l2"] as const)(
  "login under %s: known and unknown fiscal codes",
  (policy) => {
    let tb: Testbed;
    beforeAll(async () => {
      tb = await createTestbed(`${import.meta.filename}-${policy}`, { policy });
    });
    afterAll(() => tb.close());

    it("get the same statuses, bodies and Retry-After, wrong PIN after wrong PIN", async () => {
      const known = (await activeCitizen(tb)).persona.fiscalCode;
      const unknown = tb.persona().fiscalCode;
      const a = await attempts(tb, known, 6);
      const b = await attempts(tb, unknown, 6);
      expect(b).toEqual(a);
      expect(a.some((x) => x.status === 423)).toBe(true);
    });

    it("are blocked again after each block expires, the same way", async () => {
      const known = (await activeCitizen(tb)).persona.fiscalCode;
      const unknown = tb.persona().fiscalCode;
      // Alternate the two so both see the same simulated times.
      const a: unknown[] = [];
      const b: unknown[] = [];
      for (let i = 0; i < 5; i++) {
        a.push((await attempts(tb, known, 2))[1]);
        b.push((await attempts(tb, unknown, 2))[1]);
        await tb.advance("PT5M");
      }
      expect(b).toEqual(a);
    });

    it("a lower-case unknown code shares the count of its upper-case form, as a known one does", async () => {
      const unknown = tb.persona().fiscalCode;
      const first = await attempts(tb, unknown.toLowerCase(), 3);
      const then = await attempts(tb, unknown, 1);
      const known = (await activeCitizen(tb)).persona.fiscalCode;
      const knownFirst = await attempts(tb, known.toLowerCase(), 3);
      const knownThen = await attempts(tb, known, 1);
      expect([first, then]).toEqual([knownFirst, knownThen]);
    });
  },
);

describe("a PIN request for a citizen who already has a PIN", () => {
  let guides: Testbed;
  let asvs: Testbed;
  beforeAll(async () => {
    [guides, asvs] = await Promise.all([
      createTestbed(`${import.meta.filename}-request-guides`),
      createTestbed(`${import.meta.filename}-request-asvs`, { policy: "asvs-l2" }),
    ]);
  });
  afterAll(() => Promise.all([guides.close(), asvs.close()]));

  const keys = (body: Record<string, unknown>) => Object.keys(body).sort();

  it("under asvs-l2 answers 202 like any other request, and tells the citizen by email through the outbox", async () => {
    const { persona } = await activeCitizen(asvs);
    const fresh = asvs.persona();
    const newcomer = await asvs.call("POST", "/api/v1/pin-requests", requestBody(fresh));
    const again = await asvs.call(
      "POST",
      "/api/v1/pin-requests",
      requestBody(persona, { contacts: { email: "someone.else@example.it" } }),
    );
    expect([newcomer.status, again.status]).toEqual([202, 202]);
    const [a, b] = [
      (await newcomer.json()) as Record<string, unknown>,
      (await again.json()) as Record<string, unknown>,
    ];
    expect(keys(b)).toEqual(keys(a));
    expect({ ...b, requestId: undefined, activationDeadline: undefined }).toEqual({
      ...a,
      requestId: undefined,
      activationDeadline: undefined,
    });
    await asvs.drain();
    const notices = asvs.gateways.sentMail.filter((m) => m.subject.includes("già uno"));
    // To the address the citizen registered, never to the one in the request.
    expect(notices.map((m) => m.to)).toEqual([persona.email]);
    expect(notices[0]!.messageId).toBeDefined();
    // And the PIN the citizen has still works.
    expect((await login(asvs, persona.fiscalCode, "Gatto7Bl")).res.status).toBe(201);
  });

  it("under inps-guides still answers 409 credential-exists, as the guides' flow has it", async () => {
    const { persona } = await activeCitizen(guides);
    const res = await guides.call("POST", "/api/v1/pin-requests", requestBody(persona));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "credential-exists" });
  });
});
