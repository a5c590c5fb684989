// R25 refused: the last contact stays, wrong codes count, a superseded or expired code is void, and another
// citizen's verification is not found.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, login, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function loggedIn(contacts?: Record<string, string>) {
  const p0 = tb.persona();
  const { persona, pin } = await activeCitizen(tb, "Gatto7Bl", contacts ? { contacts } : {});
  const { body } = await login(tb, persona.fiscalCode, pin);
  return {
    persona: contacts?.email ? { ...persona, email: contacts.email } : persona,
    auth: bearer(body.token),
    spare: p0,
  };
}

const patch = (auth: Record<string, string>, body: unknown) =>
  tb.call("PATCH", "/api/v1/me/contacts", body, auth);
const verify = (auth: Record<string, string>, id: string, code: string) =>
  tb.call("POST", `/api/v1/me/contacts/verifications/${id}`, { code }, auth);
const codeOf = (res: Response) => res.json() as Promise<{ code: string; attemptsLeft?: number }>;

describe("contact changes refused", () => {
  it("removing the last digital contact: 409 last-contact", async () => {
    const email = `solo.${tb.persona().email}`;
    const { auth } = await loggedIn({ email });
    const res = await patch(auth, { email: null });
    expect(res.status).toBe(409);
    expect((await codeOf(res)).code).toBe("last-contact");
  });

  it("two removals that are each fine alone cannot leave the citizen without contacts", async () => {
    const { persona, auth } = await loggedIn();
    const a = (await (await patch(auth, { email: null })).json()) as { verificationId: string };
    await tb.drain();
    const codeA = secret(
      tb.gateways.sentSms.findLast((m) => m.to === persona.mobile)?.text,
      "Codice di verifica",
    )!;
    expect((await verify(auth, a.verificationId, codeA)).status).toBe(200);
    // Only the mobile is left now.
    expect((await patch(auth, { mobile: null })).status).toBe(409);
  });

  it("a wrong code counts; too many void the verification; the right code then does nothing", async () => {
    const { persona, auth } = await loggedIn();
    const res = await patch(auth, { email: `nuova.${persona.email}` });
    const { verificationId } = (await res.json()) as { verificationId: string };
    await tb.drain();
    const code = secret(
      tb.gateways.sentMail.findLast((m) => m.to === `nuova.${persona.email}`)?.text,
      "Codice di verifica",
    )!;
    const wrong = code.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
    const first = await verify(auth, verificationId, wrong);
    expect(first.status).toBe(400);
    expect(await codeOf(first)).toMatchObject({ code: "invalid-code", attemptsLeft: 4 });
    for (let i = 0; i < 3; i++) expect((await verify(auth, verificationId, wrong)).status).toBe(400);
    const last = await verify(auth, verificationId, wrong);
    expect(last.status).toBe(410);
    expect((await codeOf(last)).code).toBe("code-expired");
    expect((await verify(auth, verificationId, code)).status).toBe(410);
    const me = (await (await tb.call("GET", "/api/v1/me", undefined, auth)).json()) as {
      contacts: { email: string };
    };
    expect(me.contacts.email).toBe(persona.email);
  });

  it("a newer change voids the older one; an expired code is void", async () => {
    const { persona, auth } = await loggedIn();
    const older = (await (await patch(auth, { email: `a.${persona.email}` })).json()) as {
      verificationId: string;
    };
    await tb.drain();
    const olderCode = secret(
      tb.gateways.sentMail.findLast((m) => m.to === `a.${persona.email}`)?.text,
      "Codice di verifica",
    )!;
    const newer = (await (await patch(auth, { email: `b.${persona.email}` })).json()) as {
      verificationId: string;
    };
    expect((await verify(auth, older.verificationId, olderCode)).status).toBe(410);
    await tb.drain();
    const newerCode = secret(
      tb.gateways.sentMail.findLast((m) => m.to === `b.${persona.email}`)?.text,
      "Codice di verifica",
    )!;
    await tb.advance("PT16M");
    // The session lasts 30 minutes: still open.
    const expired = await verify(auth, newer.verificationId, newerCode);
    expect(expired.status).toBe(410);
  });

  it("another citizen's verification is not found; the same value, a second field or an unknown field is 400", async () => {
    const { persona, auth } = await loggedIn();
    const other = await loggedIn();
    const { verificationId } = (await (await patch(auth, { email: `c.${persona.email}` })).json()) as {
      verificationId: string;
    };
    expect((await verify(other.auth, verificationId, "123456")).status).toBe(404);
    expect((await patch(auth, { email: persona.email })).status).toBe(400);
    expect((await patch(auth, { email: `d.${persona.email}`, mobile: null })).status).toBe(400);
    expect((await patch(auth, { fax: "06123" })).status).toBe(400);
    expect((await patch(auth, {})).status).toBe(400);
  });

  it("no session: 401; a session that must first replace its PIN: 403", async () => {
    expect((await tb.call("GET", "/api/v1/me/contacts")).status).toBe(401);
    const { persona } = await activeCitizen(tb, "ABCDEFGH12345678", { state: "initial" });
    const { body } = await login(tb, persona.fiscalCode, "ABCDEFGH12345678");
    expect((await tb.call("GET", "/api/v1/me/contacts", undefined, bearer(body.token))).status).toBe(403);
  });
});
