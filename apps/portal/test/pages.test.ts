// Each page answers in Italian inside the MyINPS frame (header, breadcrumbs, lang="it").
import { describe, expect, it } from "vitest";
import { createTestPortal } from "./browser.ts";
import { FISCAL_CODE, INITIAL_PIN } from "./fake-identity.ts";

const publicPages: [string, string][] = [
  ["/", "Il PIN INPS"],
  ["/richiedi-pin", "Richiedi PIN"],
  ["/attiva-pin", "Attiva PIN"],
  ["/accedi", "Accedi a MyINPS"],
  ["/pin-smarrito", "Hai smarrito il PIN?"],
  ["/api/v1/recoveries/rip_Kq93mZx0aB7cD2eF4gH6iJ8kL0mN2pQ", "Ripristino del PIN"],
];

describe("the portal's pages", () => {
  it.each(publicPages)(
    "%s is an Italian page titled %s, with the header and breadcrumbs",
    async (path, title) => {
      const { browser } = createTestPortal();
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<html lang="it">');
      expect(page.html).toContain(`<h1>${title}</h1>`);
      expect(page.html).toContain('aria-label="Percorso"');
      expect(page.html).toContain("MyINPS");
    },
  );

  it("Richiedi PIN explains both delivery profiles", async () => {
    const { browser } = createTestPortal();
    const page = await browser.get("/richiedi-pin");
    expect(page.html).toContain("Prima online, poi per posta");
    expect(page.html).toContain("Prima per posta, poi con l&#39;attivazione");
  });

  it("the personal area lists the services and opens their documents once signed in", async () => {
    const { browser, identity } = createTestPortal();
    identity.citizens.set(FISCAL_CODE, { pin: INITIAL_PIN.slice(0, 8), requiredAction: null, wrong: 0 });
    await browser.get("/accedi");
    const area = await browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: INITIAL_PIN.slice(0, 8) });
    expect(area.url).toBe("/area-personale");
    expect(area.html).toContain("Benvenuto, Mario Rossi");
    expect(area.html).toContain("Estratto conto contributivo");
    const doc = await browser.get("/area-personale/documenti/cedolino-pensione");
    expect(doc.html).toContain("<h1>Cedolino pensione</h1>");
    expect(doc.html).toContain("Settimane accreditate");
    const security = await browser.get("/impostazioni/sicurezza");
    expect(security.html).toContain("Cambia PIN");
    expect((await browser.get("/impostazioni/sicurezza/cambia-pin")).html).toContain("<h1>Cambia PIN</h1>");
  });

  it("pages behind the login send a visitor without a session to Accedi", async () => {
    const { browser } = createTestPortal();
    for (const path of [
      "/area-personale",
      "/impostazioni/sicurezza/cambia-pin",
      "/primo-accesso",
      "/pin-generato",
    ]) {
      const page = await browser.get(path);
      expect(page.url).toBe("/accedi");
    }
  });

  it("an identity service that cannot be reached gives an Italian 503 page, and the log says why without the PIN", async () => {
    const portal = createTestPortal();
    portal.identity.login = () => Promise.reject(new TypeError("fetch failed"));
    await portal.browser.get("/accedi");
    const page = await portal.browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: INITIAL_PIN });
    expect(page.status).toBe(503);
    expect(page.html).toContain("<h1>Servizio non disponibile</h1>");
    expect(portal.logs.join("")).toContain("fetch failed");
    expect(portal.logs.join("")).not.toContain(INITIAL_PIN);
  });

  it("an unknown address is an Italian 404 page", async () => {
    const { browser } = createTestPortal();
    const page = await browser.get("/non-esiste");
    expect(page.status).toBe(404);
    expect(page.html).toContain("Pagina non trovata");
  });
});
