// Revoca PIN: the form in Italian, its errors beside the fields, the end of every session, and CSRF refusal.
import { describe, expect, it } from "vitest";
import { createTestPortal, fieldBlock } from "./browser.ts";
import { CARD, EMAIL, FISCAL_CODE } from "./fake-identity.ts";

const form = {
  fiscalCode: FISCAL_CODE,
  "healthCard.number": CARD.number,
  "healthCard.expiryDate": CARD.expiryDate,
  email: EMAIL,
};

describe("Revoca PIN", () => {
  it("asks for the codice fiscale, the tessera sanitaria and the registered email or PEC, each with its label", async () => {
    const { browser } = createTestPortal();
    const page = await browser.get("/revoca-pin");
    expect(page.status).toBe(200);
    expect(page.html).toContain("<h1>Revoca PIN</h1>");
    for (const [name, label] of [
      ["fiscalCode", "Codice fiscale"],
      ["healthCard.number", "Numero della tessera sanitaria"],
      ["healthCard.expiryDate", "Scadenza della tessera sanitaria"],
      ["email", "Email registrata"],
      ["pec", "PEC registrata"],
    ] as const) {
      expect(fieldBlock(page.html, name)).toContain(`>${label}</label>`);
    }
    expect(page.html).toContain("803 164");
  });

  it("revokes the PIN, ends the session that was open and tells what comes next", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
    await browser.get("/accedi");
    await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
    const signedInCookie = browser.cookie;
    await browser.get("/revoca-pin");
    const done = await browser.post("/revoca-pin", form);
    expect(done.html).toContain("<h1>PIN revocato</h1>");
    expect(done.html).toContain('href="/richiedi-pin"');
    expect(browser.cookie).not.toBe(signedInCookie);
    expect((await browser.get("/area-personale")).url).toBe("/accedi");
    expect(identity.citizens.has(FISCAL_CODE)).toBe(false);
  });

  it("a mismatch is told once for the whole form, in Italian, and the typed data stay", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
    await browser.get("/revoca-pin");
    const page = await browser.post("/revoca-pin", { ...form, "healthCard.number": "80380009999999999999" });
    expect(page.status).toBe(401);
    expect(page.html).toContain("I dati non corrispondono a un PIN revocabile online");
    expect(page.html).toContain(`value="${FISCAL_CODE}"`);
    expect(identity.citizens.has(FISCAL_CODE)).toBe(true);
  });

  it("without email or PEC the API's error appears beside the email field", async () => {
    const { browser } = createTestPortal();
    await browser.get("/revoca-pin");
    const page = await browser.post("/revoca-pin", { ...form, email: "" });
    expect(page.status).toBe(400);
    expect(fieldBlock(page.html, "email")).toContain("indichi l&#39;email o la PEC registrate");
  });

  it("refuses the form without the session's CSRF token, and nothing reaches the identity service", async () => {
    const { browser, identity } = createTestPortal();
    await browser.get("/revoca-pin");
    const page = await browser.post("/revoca-pin", form, { csrf: null });
    expect(page.status).toBe(403);
    expect(identity.calls).toHaveLength(0);
  });
});
