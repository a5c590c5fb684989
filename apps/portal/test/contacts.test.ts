// Modifica contatti: the registered contacts masked, a change confirmed with the code sent to the new contact,
// the last-contact refusal beside its field, and CSRF refusal.
import { describe, expect, it } from "vitest";
import { createTestPortal, fieldBlock, type TestPortal } from "./browser.ts";
import { CONTACT_CODE, FISCAL_CODE, MOBILE } from "./fake-identity.ts";

async function signedIn(contacts?: {
  email: string | null;
  pec: string | null;
  mobile: string | null;
}): Promise<TestPortal> {
  const portal = createTestPortal();
  portal.identity.citizens.set(FISCAL_CODE, {
    pin: "Cur4ent9",
    requiredAction: null,
    wrong: 0,
    ...(contacts ? { contacts } : {}),
  });
  await portal.browser.get("/accedi");
  await portal.browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
  return portal;
}

describe("Modifica contatti", () => {
  it("shows the contacts masked, under Impostazioni, with a labelled field and a button for each", async () => {
    const { browser } = await signedIn();
    expect((await browser.get("/impostazioni/sicurezza")).html).toContain('href="/impostazioni/contatti"');
    const page = await browser.get("/impostazioni/contatti");
    expect(page.status).toBe(200);
    expect(page.html).toContain("<h1>Modifica contatti</h1>");
    expect(page.html).toContain("m***.it");
    expect(page.html).not.toContain(MOBILE);
    expect(page.html).toContain("non registrato");
    expect(fieldBlock(page.html, "email")).toContain(">Nuova email</label>");
    expect(fieldBlock(page.html, "pec")).toContain(">Nuova PEC</label>");
    expect(fieldBlock(page.html, "mobile")).toContain(">Nuovo cellulare</label>");
    expect(page.html).toContain("Modifica l&#39;email");
    expect(page.html).toContain("Aggiungi la PEC");
    expect(page.html).toContain("Rimuovi il cellulare");
  });

  it("a new email waits for the code sent to it; a wrong code is told beside the code field; the right one confirms it", async () => {
    const { browser, identity, logs } = await signedIn();
    await browser.get("/impostazioni/contatti");
    const codeStep = await browser.post("/impostazioni/contatti", {
      contatto: "email",
      email: "nuova@example.it",
    });
    expect(codeStep.url).toBe("/impostazioni/contatti/codice");
    expect(codeStep.html).toContain("n***.it");
    const wrong = await browser.post("/impostazioni/contatti/codice", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(fieldBlock(wrong.html, "code")).toContain("Il codice non è corretto: restano 4 tentativi.");
    expect(identity.citizens.get(FISCAL_CODE)?.contacts?.email).not.toBe("nuova@example.it");
    const done = await browser.post("/impostazioni/contatti/codice", { code: CONTACT_CODE });
    expect(done.html).toContain("<h1>Recapiti aggiornati</h1>");
    expect(done.html).not.toContain(CONTACT_CODE);
    expect(identity.citizens.get(FISCAL_CODE)?.contacts?.email).toBe("nuova@example.it");
    expect(logs.join("")).not.toContain(CONTACT_CODE);
    expect(browser.visited.join("\n")).not.toContain(CONTACT_CODE);
  });

  it("an invalid address is told beside its field, and the typed value stays", async () => {
    const { browser } = await signedIn();
    await browser.get("/impostazioni/contatti");
    const page = await browser.post("/impostazioni/contatti", { contatto: "email", email: "non-una-email" });
    expect(page.status).toBe(400);
    expect(fieldBlock(page.html, "email")).toContain("Nuova email: non è un indirizzo email valido");
    expect(page.html).toContain('value="non-una-email"');
    // The summary at the top links to the field, naming it once.
    expect(page.html).toContain('<a href="#f-email">Nuova email: non è un indirizzo email valido</a>');
  });

  it("removing the last contact is refused beside that contact's field", async () => {
    const { browser, identity } = await signedIn({ email: "solo@example.it", pec: null, mobile: null });
    await browser.get("/impostazioni/contatti");
    const page = await browser.post("/impostazioni/contatti", { contatto: "email", azione: "rimuovi" });
    expect(page.status).toBe(409);
    expect(fieldBlock(page.html, "email")).toContain("Deve restare almeno un recapito digitale");
    expect(identity.citizens.get(FISCAL_CODE)?.contacts?.email).toBe("solo@example.it");
  });

  it("is behind the login, and refuses a form without the CSRF token", async () => {
    const anonymous = createTestPortal().browser;
    expect((await anonymous.get("/impostazioni/contatti")).url).toBe("/accedi");
    const { browser, identity } = await signedIn();
    await browser.get("/impostazioni/contatti");
    const before = identity.calls.length;
    const page = await browser.post(
      "/impostazioni/contatti",
      { contatto: "email", email: "x@example.it" },
      { csrf: null },
    );
    expect(page.status).toBe(403);
    expect(identity.calls.length).toBe(before);
  });
});
