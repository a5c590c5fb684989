// R25: contacts changed online with a code sent to the new contact; R26: a contact added by the contact centre.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeCitizen,
  bearer,
  createTestbed,
  login,
  OPERATOR_TOKEN,
  secret,
  type Testbed,
} from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function loggedIn(extra: Record<string, unknown> = {}) {
  const { persona, pin } = await activeCitizen(tb, "Gatto7Bl", extra);
  const { body } = await login(tb, persona.fiscalCode, pin);
  return { persona, auth: bearer(body.token) };
}

const contacts = async (auth: Record<string, string>) =>
  (
    (await (await tb.call("GET", "/api/v1/me/contacts", undefined, auth)).json()) as {
      contacts: Record<string, string | null>;
    }
  ).contacts;

describe("contacts (R25)", () => {
  it("GET /me/contacts shows them masked", async () => {
    const { persona, auth } = await loggedIn();
    const c = await contacts(auth);
    expect(c.email).toMatch(/^\w\*\*\*\w@example\.it$/);
    expect(c.email).not.toBe(persona.email);
    expect(c.mobile).toMatch(/^\+39 3\*\* \*\*\* \*\*\d\d$/);
    expect(c.pec).toBe(null);
  });

  it("a new email: the code goes to the new address, nothing changes until it is confirmed, the old address is told", async () => {
    const { persona, auth } = await loggedIn();
    const before = await contacts(auth);
    const newEmail = `nuovo.${persona.email}`;
    const res = await tb.call("PATCH", "/api/v1/me/contacts", { email: newEmail }, auth);
    expect(res.status).toBe(202);
    const started = (await res.json()) as { verificationId: string; destination: string };
    expect(started.destination).toMatch(/^n\*\*\*\w@example\.it$/);
    await tb.drain();
    const code = secret(tb.gateways.sentMail.findLast((m) => m.to === newEmail)?.text, "Codice di verifica");
    expect(code).toMatch(/^\d{6}$/);
    expect(await contacts(auth)).toEqual(before);
    const ok = await tb.call(
      "POST",
      `/api/v1/me/contacts/verifications/${started.verificationId}`,
      { code },
      auth,
    );
    expect(ok.status).toBe(200);
    const after = ((await ok.json()) as { contacts: Record<string, string> }).contacts;
    expect(after.email).toMatch(/^n\*\*\*\w@example\.it$/);
    const me = (await (await tb.call("GET", "/api/v1/me", undefined, auth)).json()) as {
      contacts: { email: string };
    };
    expect(me.contacts.email).toBe(newEmail);
    await tb.drain();
    expect(tb.gateways.sentMail.findLast((m) => m.to === persona.email)?.subject).toBe(
      "INPS - Contatti del PIN modificati",
    );
    // Used once.
    expect(
      (await tb.call("POST", `/api/v1/me/contacts/verifications/${started.verificationId}`, { code }, auth))
        .status,
    ).toBe(410);
  });

  it("a new mobile is checked as the request checks it and gets the code by SMS", async () => {
    const { auth } = await loggedIn();
    const landline = await tb.call("PATCH", "/api/v1/me/contacts", { mobile: "06 1234 5678" }, auth);
    expect(landline.status).toBe(400);
    expect(((await landline.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("mobile");
    const res = await tb.call("PATCH", "/api/v1/me/contacts", { mobile: "347 765 4321" }, auth);
    expect(res.status).toBe(202);
    await tb.drain();
    const sms = tb.gateways.sentSms.findLast((m) => m.to === "+393477654321");
    const code = secret(sms?.text, "Codice di verifica");
    const { verificationId } = (await res.json()) as { verificationId: string };
    expect(
      (await tb.call("POST", `/api/v1/me/contacts/verifications/${verificationId}`, { code }, auth)).status,
    ).toBe(200);
    expect((await contacts(auth)).mobile).toBe("+39 3** *** **21");
  });

  it("a PEC must be at a certified provider", async () => {
    const { auth } = await loggedIn();
    const res = await tb.call("PATCH", "/api/v1/me/contacts", { pec: "mario@gmail.com" }, auth);
    expect(res.status).toBe(400);
    expect((await tb.call("PATCH", "/api/v1/me/contacts", { pec: "mario@legalmail.it" }, auth)).status).toBe(
      202,
    );
  });

  it("removing a contact sends the code to one that remains", async () => {
    const { persona, auth } = await loggedIn();
    const res = await tb.call("PATCH", "/api/v1/me/contacts", { mobile: null }, auth);
    expect(res.status).toBe(202);
    const { verificationId } = (await res.json()) as { verificationId: string };
    await tb.drain();
    const code = secret(
      tb.gateways.sentMail.findLast((m) => m.to === persona.email)?.text,
      "Codice di verifica",
    );
    expect(
      (await tb.call("POST", `/api/v1/me/contacts/verifications/${verificationId}`, { code }, auth)).status,
    ).toBe(200);
    expect((await contacts(auth)).mobile).toBe(null);
    await tb.drain();
    expect(tb.gateways.sentSms.findLast((m) => m.to === persona.mobile)?.text).toMatch(/rimosso/);
  });
});

describe("POST /api/v1/operator/citizens/{fiscalCode}/contacts (R26)", () => {
  it("adds a contact at once; the timeline names the operator", async () => {
    const { persona, auth } = await loggedIn();
    const res = await tb.call(
      "POST",
      `/api/v1/operator/citizens/${persona.fiscalCode}/contacts`,
      { pec: "caller@pec.it" },
      bearer(OPERATOR_TOKEN),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { contacts: { pec: string } }).contacts.pec).toBe("c***r@pec.it");
    expect((await contacts(auth)).pec).toBe("c***r@pec.it");
    const events = (await (
      await tb.call(
        "GET",
        `/api/v1/operator/citizens/${persona.fiscalCode}/events`,
        undefined,
        bearer(OPERATOR_TOKEN),
      )
    ).json()) as {
      events: { type: string; data: Record<string, unknown> }[];
    };
    expect(events.events.find((e) => e.type === "contacts-changed")?.data).toMatchObject({
      field: "pec",
      via: "contact-centre",
      operatorId: "op1",
    });
    await tb.drain();
    expect(tb.gateways.sentMail.findLast((m) => m.to === persona.email)?.text).toMatch(/contact center/);
  });

  it("an unknown citizen is 404; a bad contact is 400", async () => {
    const op = bearer(OPERATOR_TOKEN);
    expect(
      (
        await tb.call(
          "POST",
          `/api/v1/operator/citizens/${tb.persona().fiscalCode}/contacts`,
          { pec: "x@pec.it" },
          op,
        )
      ).status,
    ).toBe(404);
    const { persona } = await activeCitizen(tb);
    expect(
      (
        await tb.call(
          "POST",
          `/api/v1/operator/citizens/${persona.fiscalCode}/contacts`,
          { mobile: "0612345678" },
          op,
        )
      ).status,
    ).toBe(400);
    expect(
      (await tb.call("POST", `/api/v1/operator/citizens/${persona.fiscalCode}/contacts`, {}, op)).status,
    ).toBe(400);
  });
});
