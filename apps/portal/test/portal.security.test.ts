// The threats a citizen's portal must stand against: forged forms, a readable or cross-site cookie, a PIN
// or code left in a URL, a redirect, a page after its step, or a log line.
import { describe, expect, it } from "vitest";
import { createTestPortal } from "./browser.ts";
import { ADMIN_TOKEN } from "./fake-console.ts";
import {
  FIRST_HALF,
  FISCAL_CODE,
  GENERATED_PIN,
  INITIAL_PIN,
  RECOVERY_CODE,
  RECOVERY_PIN,
  RECOVERY_TOKEN,
  VERIFICATION_CODE,
  CARD,
} from "./fake-identity.ts";

describe("CSRF", () => {
  it("refuses a form from another origin before it reaches the identity service", async () => {
    const { browser, identity } = createTestPortal();
    await browser.get("/accedi");
    const page = await browser.post(
      "/accedi",
      { fiscalCode: FISCAL_CODE, pin: INITIAL_PIN },
      { origin: "https://evil.example" },
    );
    expect(page.status).toBe(403);
    expect(page.html).toContain("Richiesta non valida");
    expect(identity.calls).toHaveLength(0);
  });

  it("refuses a same-origin form without the session's token, or with another session's", async () => {
    const { browser, identity } = createTestPortal();
    await browser.get("/accedi");
    expect(
      (await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: INITIAL_PIN }, { csrf: null })).status,
    ).toBe(403);
    const other = createTestPortal().browser;
    await other.get("/accedi");
    await browser.get("/accedi");
    expect(
      (
        await browser.post(
          "/accedi",
          { fiscalCode: FISCAL_CODE, pin: INITIAL_PIN },
          { csrf: other.csrfToken() },
        )
      ).status,
    ).toBe(403);
    expect(identity.calls).toHaveLength(0);
  });

  it("every form on every page carries the token", async () => {
    const { browser } = createTestPortal();
    for (const path of [
      "/",
      "/richiedi-pin",
      "/attiva-pin",
      "/accedi",
      "/pin-smarrito",
      `/api/v1/recoveries/${RECOVERY_TOKEN}`,
      "/revoca-pin",
      "/__console/accesso",
    ]) {
      const html = (await browser.get(path)).html;
      const forms = html.split("<form").length - 1;
      const tokens = html.split('name="_csrf"').length - 1;
      expect(tokens, path).toBe(forms);
    }
  });

  it("every form on the signed-in pages and on the console carries the token too", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
    await browser.get("/accedi");
    await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
    await browser.get("/__console/accesso");
    await browser.post("/__console/accesso", { adminToken: ADMIN_TOKEN });
    const paths = [
      "/area-personale",
      "/impostazioni/sicurezza",
      "/impostazioni/contatti",
      "/converti-pin",
      "/converti-pin/documento",
    ];
    paths.push("/__console", "/__console/guasti", "/__console/cittadini", "/__console/outbox");
    for (const path of paths) {
      const page = await browser.get(path);
      expect(page.url, path).toBe(path);
      const forms = page.html.split("<form").length - 1;
      expect(page.html.split('name="_csrf"').length - 1, path).toBe(forms);
    }
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, on the whole site, and not Secure on plain http by default", async () => {
    const { app } = createTestPortal();
    const cookie = (await app.request("http://localhost/")).headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^portal_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
  });

  it("is Secure with PORTAL_SECURE_COOKIES", async () => {
    const { app } = createTestPortal({ PORTAL_SECURE_COOKIES: true });
    expect((await app.request("http://localhost/")).headers.get("set-cookie")).toContain("Secure");
  });

  it("changes at login, so an id planted before it is worth nothing", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
    await browser.get("/accedi");
    const before = browser.cookie;
    await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
    expect(browser.cookie).not.toBe(before);
  });
});

describe("headers", () => {
  it("a strict Content-Security-Policy, no referrer, and no caching of pages", async () => {
    const { app } = createTestPortal();
    const res = await app.request("http://localhost/accedi");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).not.toMatch(/<script(?![^>]*src="\/assets\/)|style="/);
  });
});

describe("a full journey through the portal", () => {
  it("request → activation → first access → change with code → recovery → generated PIN leaves no PIN or code in a URL, a log line or a later page", async () => {
    const { browser, logs, identity } = createTestPortal();
    const secrets = [
      INITIAL_PIN,
      FIRST_HALF,
      VERIFICATION_CODE,
      RECOVERY_CODE,
      RECOVERY_PIN,
      GENERATED_PIN,
      "Nuovo7Xq",
      "Terzo8Kw",
    ];
    const pagesAfterTheirStep: string[] = [];

    await browser.get("/richiedi-pin");
    const requested = await browser.post("/richiedi-pin", {
      fiscalCode: FISCAL_CODE,
      firstName: "Mario",
      lastName: "Rossi",
      gender: "M",
      birthDate: "1985-12-10",
      birthPlace: "Bologna",
      "residence.street": "Via Roma 1",
      "residence.postalCode": "40121",
      "residence.city": "Bologna",
      "residence.province": "BO",
      "contacts.email": "mario.rossi@example.it",
      "healthCard.number": CARD.number,
      "healthCard.expiryDate": CARD.expiryDate,
      deliveryProfile: "post-then-activate",
    });
    expect(requested.html).toContain("Richiesta del PIN ricevuta");

    await browser.get("/attiva-pin");
    const activated = await browser.post("/attiva-pin", {
      fiscalCode: FISCAL_CODE,
      firstHalf: FIRST_HALF,
      "healthCard.number": CARD.number,
      "healthCard.expiryDate": CARD.expiryDate,
    });
    expect(activated.html).toContain("PIN attivato");
    pagesAfterTheirStep.push(activated.html);

    await browser.get("/accedi");
    const firstAccess = await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: INITIAL_PIN });
    expect(firstAccess.url).toBe("/primo-accesso");
    pagesAfterTheirStep.push(firstAccess.html);
    const codeStep = await browser.post("/primo-accesso", {
      currentPin: INITIAL_PIN,
      newPin: "Nuovo7Xq",
      confirmPin: "Nuovo7Xq",
    });
    expect(codeStep.url).toBe("/primo-accesso/codice");
    pagesAfterTheirStep.push(codeStep.html);
    const changed = await browser.post("/primo-accesso/codice", { code: VERIFICATION_CODE });
    expect(changed.html).toContain("PIN modificato");
    pagesAfterTheirStep.push(changed.html);
    // R34: the session ended with the change.
    expect((await browser.get("/area-personale")).url).toBe("/accedi");

    await browser.get("/accedi");
    const area = await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Nuovo7Xq" });
    expect(area.url).toBe("/area-personale");
    pagesAfterTheirStep.push(area.html);
    await browser.get("/impostazioni/sicurezza/cambia-pin");
    await browser.post("/impostazioni/sicurezza/cambia-pin", {
      currentPin: "Nuovo7Xq",
      newPin: "Terzo8Kw",
      confirmPin: "Terzo8Kw",
    });
    const changedAgain = await browser.post("/impostazioni/sicurezza/cambia-pin/codice", {
      code: VERIFICATION_CODE,
    });
    expect(changedAgain.html).toContain("PIN modificato");
    pagesAfterTheirStep.push(changedAgain.html);

    await browser.get("/pin-smarrito");
    const asked = await browser.post("/pin-smarrito", {
      fiscalCode: FISCAL_CODE,
      mobile: "+393331234567",
      email: "mario.rossi@example.it",
    });
    expect(asked.html).toContain("Richiesta inviata");
    await browser.get(`/api/v1/recoveries/${RECOVERY_TOKEN}`);
    const confirmed = await browser.post(`/api/v1/recoveries/${RECOVERY_TOKEN}`, {
      fiscalCode: FISCAL_CODE,
      recoveryCode: RECOVERY_CODE,
    });
    expect(confirmed.html).toContain("I primi 8 caratteri del nuovo PIN arrivano per SMS");
    pagesAfterTheirStep.push(confirmed.html);

    await browser.get("/accedi");
    const generatedStep = await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: RECOVERY_PIN });
    expect(generatedStep.url).toBe("/pin-generato");
    expect(generatedStep.html).not.toContain(GENERATED_PIN);
    const shown = await browser.post("/pin-generato", {});
    // The generated PIN appears once, on the answer to the POST that asks for it, with a print button.
    expect(shown.html).toContain(GENERATED_PIN);
    expect(shown.html).toContain("Stampa");
    const done = await browser.post("/pin-generato/conferma", { pin: GENERATED_PIN });
    expect(done.html).toContain("Recupero completato");
    pagesAfterTheirStep.push(done.html);
    expect(identity.citizens.get(FISCAL_CODE)?.pin).toBe(GENERATED_PIN);

    const urls = browser.visited.join("\n");
    const logText = logs.join("");
    expect(logs.length).toBeGreaterThan(20);
    expect(logText).not.toContain(RECOVERY_TOKEN);
    for (const secret of secrets) {
      expect(urls, `a URL carries ${secret}`).not.toContain(secret);
      expect(logText, `a log line carries ${secret}`).not.toContain(secret);
      for (const html of pagesAfterTheirStep) expect(html).not.toContain(secret);
    }
  });
});
