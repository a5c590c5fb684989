// The simulator console: the token asked once and kept on the server, the clock (presets and a typed duration),
// faults per gateway, citizens created with a click (PIN shown once), their timeline and inbox links, the outbox,
// and no token in a URL, a page or a log line; CSRF refusal on its forms.
import { describe, expect, it } from "vitest";
import { createTestPortal, fieldBlock, type TestPortal } from "./browser.ts";
import { ADMIN_TOKEN, STACK } from "./fake-console.ts";

async function inConsole(): Promise<TestPortal> {
  const portal = createTestPortal();
  await portal.browser.get("/__console");
  await portal.browser.post("/__console/accesso", { adminToken: ADMIN_TOKEN });
  return portal;
}

describe("simulator console", () => {
  it("asks for the control-plane token once, keeps it on the server, and never writes it in a page, a URL or a log line", async () => {
    const portal = createTestPortal();
    const access = await portal.browser.get("/__console");
    expect(access.url).toBe("/__console/accesso");
    expect(fieldBlock(access.html, "adminToken")).toContain(">Token del pannello di controllo</label>");
    const wrong = await portal.browser.post("/__console/accesso", { adminToken: "sbagliato" });
    expect(wrong.status).toBe(401);
    expect(fieldBlock(wrong.html, "adminToken")).toContain(
      "Il token non è quello del pannello di controllo.",
    );
    expect(wrong.html).not.toContain("sbagliato");
    const clock = await portal.browser.post("/__console/accesso", { adminToken: ADMIN_TOKEN });
    expect(clock.url).toBe("/__console");
    expect(clock.html).toContain("<h1>Orologio simulato</h1>");
    for (const path of ["/__console/guasti", "/__console/cittadini", "/__console/outbox"]) {
      expect((await portal.browser.get(path)).html).not.toContain(ADMIN_TOKEN);
    }
    expect(portal.browser.cookie).not.toContain(ADMIN_TOKEN);
    expect(portal.browser.visited.join("\n")).not.toContain(ADMIN_TOKEN);
    expect(portal.logs.join("")).not.toContain(ADMIN_TOKEN);
    expect(
      portal.console.calls.every((call) => call.token === ADMIN_TOKEN || call.token === "sbagliato"),
    ).toBe(true);
  });

  it("shows the simulated clock and moves it by a preset or by a typed ISO duration", async () => {
    const { browser, console: cp } = await inConsole();
    const page = await browser.get("/__console");
    expect(page.html).toContain("2026-03-02T09:00:00.000Z");
    for (const label of ["+1 giorno", "+1 settimana", "+6 mesi"]) expect(page.html).toContain(label);
    const day = await browser.post("/__console/orologio", { advanceBy: "P1D" });
    expect(day.html).toContain("Orologio avanzato di P1D");
    expect(cp.now.toISOString()).toBe("2026-03-03T09:00:00.000Z");
    await browser.post("/__console/orologio", { advanceBy: "p6m" });
    expect(cp.now.toISOString()).toBe("2026-09-03T09:00:00.000Z");
  });

  it("a duration that is not ISO 8601, or that leaves the clock's range, is told beside the duration field", async () => {
    const { browser, console: cp } = await inConsole();
    await browser.get("/__console");
    const bad = await browser.post("/__console/orologio", { advanceBy: "domani" });
    expect(bad.status).toBe(400);
    expect(fieldBlock(bad.html, "advanceBy")).toContain("Durata ISO 8601: non è nel formato richiesto");
    expect(bad.html).toContain('value="domani"');
    const far = await browser.post("/__console/orologio", { advanceBy: "P999999D" });
    expect(fieldBlock(far.html, "advanceBy")).toContain("31 dicembre 2200");
    expect(cp.now.toISOString()).toBe("2026-03-02T09:00:00.000Z");
  });

  it("sets and clears a fault per gateway, found through the stack's directory", async () => {
    const { browser, console: cp } = await inConsole();
    const page = await browser.get("/__console/guasti");
    for (const title of ["Gateway SMS", "Gateway postale", "Email: server SMTP"])
      expect(page.html).toContain(title);
    expect(fieldBlock(page.html, "sms.status")).toContain(">Stato HTTP</label>");
    const set = await browser.post("/__console/guasti/sms", {
      "sms.mode": "error",
      "sms.status": "503",
      "sms.count": "3",
    });
    expect(set.html).toContain("Guasto impostato: Gateway SMS.");
    expect(cp.faults.get(STACK.services.sms)).toEqual({ mode: "error", status: 503, count: 3 });
    expect(set.html).toContain("errore HTTP 503, ancora 3 richieste");
    await browser.post("/__console/guasti/smtp", { "smtp.stage": "MAIL", "smtp.code": "421" });
    expect(cp.faults.get(`${STACK.services.mail.http}#smtp`)).toEqual({ stage: "MAIL", code: 421 });
    const cleared = await browser.post("/__console/guasti/sms/rimuovi", {});
    expect(cleared.html).toContain("Guasto rimosso: Gateway SMS.");
    expect(cp.faults.has(STACK.services.sms)).toBe(false);
  });

  it("a fault's bad number is told beside its field, and nothing is set", async () => {
    const { browser, console: cp } = await inConsole();
    await browser.get("/__console/guasti");
    const page = await browser.post("/__console/guasti/postal", {
      "postal.mode": "error",
      "postal.probability": "2",
    });
    expect(page.status).toBe(400);
    expect(fieldBlock(page.html, "postal.probability")).toContain(
      "Probabilità: deve essere un numero tra 0 e 1.",
    );
    expect(cp.faults.size).toBe(0);
  });

  it("creates a citizen with a click, shows its PIN once, then its data, timeline and links to its inboxes", async () => {
    const { browser, console: cp, logs } = await inConsole();
    await browser.get("/__console/cittadini");
    const created = await browser.post("/__console/cittadini", {});
    expect(created.html).toContain("<h1>Cittadino creato</h1>");
    const input = cp.created[0];
    if (!input) throw new Error("no citizen was created");
    expect(created.html).toContain(input.pin);
    expect(created.html).toContain(input.fiscalCode);
    const detail = await browser.get(`/__console/cittadini/${input.fiscalCode}`);
    // As the page writes it: a generated surname may carry an apostrophe (D'Angelo → D&#39;Angelo).
    const asHtml = (text: string) =>
      text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
    expect(detail.html).toContain(asHtml(`${input.firstName} ${input.lastName}`));
    expect(detail.html).toContain("citizen-created");
    expect(detail.html).toContain(
      `href="http://sms.test/inbox?to=${encodeURIComponent(input.contacts.mobile ?? "")}"`,
    );
    expect(detail.html).toContain(
      `href="http://mail.test/?q=${encodeURIComponent(`to:${input.contacts.email ?? ""}`)}"`,
    );
    expect(detail.html).toContain('href="http://postal.test/mailbox?name=');
    expect(detail.html).not.toContain(input.pin);
    expect((await browser.get("/__console/cittadini")).html).not.toContain(input.pin);
    expect(logs.join("")).not.toContain(input.pin);
  });

  it("looks a citizen up by fiscal code, through a form, and tells a bad one beside the field", async () => {
    const { browser } = await inConsole();
    await browser.get("/__console/cittadini");
    const bad = await browser.post("/__console/cittadini/cerca", { fiscalCode: "RSS" });
    expect(fieldBlock(bad.html, "fiscalCode")).toContain("deve avere 16 lettere e cifre");
    const found = await browser.post("/__console/cittadini/cerca", { fiscalCode: "rssmra85t10a562s" });
    expect(found.url).toBe("/__console/cittadini/RSSMRA85T10A562S");
    expect(found.html).toContain("Nessun evento per questo codice fiscale.");
  });

  it("shows the outbox by status and delivers what is due", async () => {
    const { browser, console: cp } = await inConsole();
    const base = {
      channel: "sms",
      purpose: "pin-first-half",
      destination: "+39 3** *** **67",
      attempts: 1,
      nextAttemptAt: null,
      gatewayRef: null,
      sentAt: null,
    };
    cp.outbox.push(
      {
        ...base,
        id: "o1",
        fiscalCode: "RSSMRA85T10A562S",
        status: "pending",
        lastError: "503 from the SMS gateway",
        createdAt: "2026-03-02T09:00:00.000Z",
      },
      {
        ...base,
        id: "o2",
        fiscalCode: "VRDLGU80A01H501U",
        status: "dead",
        lastError: "gave up",
        createdAt: "2026-03-02T09:00:00.000Z",
      },
    );
    const page = await browser.get("/__console/outbox");
    expect(page.html).toContain("In attesa: 1 · Inviati: 0 · Non consegnati: 1");
    expect(page.html).toContain("503 from the SMS gateway");
    expect(page.html).toContain('href="/__console/cittadini/RSSMRA85T10A562S"');
    const drained = await browser.post("/__console/outbox/consegna", {});
    expect(drained.html).toContain("Consegnati 1, da ritentare 0, abbandonati 0.");
  });

  it("refuses its forms without the CSRF token, and pages without the token go to the token form", async () => {
    const anonymous = createTestPortal();
    for (const path of ["/__console", "/__console/guasti", "/__console/cittadini", "/__console/outbox"]) {
      expect((await anonymous.browser.get(path)).url).toBe("/__console/accesso");
    }
    const { browser, console: cp } = await inConsole();
    await browser.get("/__console");
    expect((await browser.post("/__console/orologio", { advanceBy: "P1D" }, { csrf: null })).status).toBe(
      403,
    );
    expect(
      (await browser.post("/__console/guasti/sms", { "sms.mode": "error" }, { csrf: null })).status,
    ).toBe(403);
    expect((await browser.post("/__console/cittadini", {}, { csrf: null })).status).toBe(403);
    expect(cp.now.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    expect(cp.faults.size).toBe(0);
    expect(cp.created).toHaveLength(0);
    const fresh = createTestPortal();
    await fresh.browser.get("/__console/accesso");
    expect(
      (await fresh.browser.post("/__console/accesso", { adminToken: ADMIN_TOKEN }, { csrf: null })).status,
    ).toBe(403);
    expect(fresh.console.calls).toHaveLength(0);
  });

  it("leaving the console forgets the token", async () => {
    const { browser } = await inConsole();
    await browser.get("/__console");
    const out = await browser.post("/__console/esci", {});
    expect(out.html).toContain("Uscita dalla console");
    expect((await browser.get("/__console")).url).toBe("/__console/accesso");
  });
});
