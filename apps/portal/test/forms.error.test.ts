// Every error of the API appears beside the field it concerns, in Italian, and the form keeps what was typed
// except the PIN or code.
import { describe, expect, it } from "vitest";
import { createTestPortal, fieldBlock } from "./browser.ts";
import { FISCAL_CODE, INITIAL_PIN } from "./fake-identity.ts";

describe("form errors", () => {
  it("a validation problem's path lands beside its field, and the other answers are kept", async () => {
    const { browser } = createTestPortal();
    await browser.get("/richiedi-pin");
    const page = await browser.post("/richiedi-pin", {
      fiscalCode: "RSSMRA",
      firstName: "Mario",
      "contacts.email": "m@example.it",
    });
    expect(page.status).toBe(400);
    expect(fieldBlock(page.html, "fiscalCode")).toContain("Codice fiscale: deve avere 16 caratteri");
    expect(fieldBlock(page.html, "firstName")).not.toContain("field-error");
    expect(page.html).toContain('name="firstName" type="text" value="Mario"');
    expect(page.html).toContain("Ci sono errori da correggere");
  });

  it("a path naming a group (contacts) shows under the group's legend", async () => {
    const { browser } = createTestPortal();
    await browser.get("/richiedi-pin");
    const page = await browser.post("/richiedi-pin", { fiscalCode: FISCAL_CODE });
    const group = page.html.slice(
      page.html.indexOf('id="f-contacts"'),
      page.html.indexOf('name="contacts.email"'),
    );
    expect(group).toContain("Recapiti: indichi almeno un recapito");
  });

  it("a wrong PIN is told beside the PIN field, and the PIN is not written back", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: INITIAL_PIN, requiredAction: "replace-initial-pin", wrong: 0 });
    await browser.get("/accedi");
    const page = await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Wrong0000" });
    expect(page.status).toBe(401);
    expect(fieldBlock(page.html, "pin")).toContain("Codice fiscale o PIN non corretti.");
    expect(page.html).not.toContain("Wrong0000");
    expect(page.html).toContain(`value="${FISCAL_CODE}"`);
  });

  it("a lockout says how long to wait, beside the PIN, with Retry-After", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: INITIAL_PIN, requiredAction: null, wrong: 1 });
    await browser.get("/accedi");
    const page = await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Wrong0000" });
    expect(page.status).toBe(423);
    expect(page.headers.get("retry-after")).toBe("180");
    expect(fieldBlock(page.html, "pin")).toContain("riprovi tra 3 minuti");
  });

  it("the change form puts a mismatch beside the confirmation and a weak PIN beside the new PIN", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
    await browser.get("/accedi");
    await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
    await browser.get("/impostazioni/sicurezza/cambia-pin");
    const mismatch = await browser.post("/impostazioni/sicurezza/cambia-pin", {
      currentPin: "Cur4ent9",
      newPin: "Nuovo7Xq",
      confirmPin: "Nuovo7Xz",
    });
    expect(fieldBlock(mismatch.html, "confirmPin")).toContain("La conferma non coincide con il nuovo PIN.");
    const weak = await browser.post("/impostazioni/sicurezza/cambia-pin", {
      currentPin: "Cur4ent9",
      newPin: "12345678",
      confirmPin: "12345678",
    });
    expect(weak.status).toBe(422);
    expect(fieldBlock(weak.html, "newPin")).toContain(
      "Il nuovo PIN non è sicuro: è una sequenza facile da indovinare",
    );
    const wrongCurrent = await browser.post("/impostazioni/sicurezza/cambia-pin", {
      currentPin: "Nope1234",
      newPin: "Nuovo7Xq",
      confirmPin: "Nuovo7Xq",
    });
    expect(fieldBlock(wrongCurrent.html, "currentPin")).toContain("Codice fiscale o PIN non corretti.");
  });

  it("a wrong verification code is told beside the code field with the attempts left", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
    await browser.get("/accedi");
    await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
    await browser.get("/impostazioni/sicurezza/cambia-pin");
    const step2 = await browser.post("/impostazioni/sicurezza/cambia-pin", {
      currentPin: "Cur4ent9",
      newPin: "Nuovo7Xq",
      confirmPin: "Nuovo7Xq",
    });
    expect(step2.url).toBe("/impostazioni/sicurezza/cambia-pin/codice");
    expect(step2.html).toContain("m***o@example.it");
    const wrong = await browser.post("/impostazioni/sicurezza/cambia-pin/codice", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(fieldBlock(wrong.html, "code")).toContain("Il codice non è corretto: restano 2 tentativi.");
  });

  it("activation and the recovery link tell a mismatch beside the secret's field", async () => {
    const { browser } = createTestPortal();
    await browser.get("/attiva-pin");
    const activation = await browser.post("/attiva-pin", { fiscalCode: FISCAL_CODE, firstHalf: "Xx000000" });
    expect(fieldBlock(activation.html, "firstHalf")).toContain("I dati non corrispondono");
    await browser.get("/api/v1/recoveries/rip_Kq93mZx0aB7cD2eF4gH6iJ8kL0mN2pQ");
    const link = await browser.post("/api/v1/recoveries/rip_Kq93mZx0aB7cD2eF4gH6iJ8kL0mN2pQ", {
      fiscalCode: FISCAL_CODE,
      recoveryCode: "nope",
    });
    expect(fieldBlock(link.html, "recoveryCode")).toContain(
      "Codice fiscale o codice di ripristino non corretti.",
    );
  });
});
