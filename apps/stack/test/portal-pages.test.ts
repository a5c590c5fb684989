// The portal's later pages over a real embedded stack: the console (token, clock, a citizen created with a click),
// Modifica contatti with the code read off the SMS gateway, Converti PIN with the form PDF and real uploads, and
// Revoca PIN; what the identity service really answers must land beside the right field, in Italian.
import { createSmsClient, findSecret } from "@inps-sim/clients";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type RunningStack } from "../src/index.ts";

const quiet = { LOG_LEVEL: "silent", HASH_PROFILE: "fast" };

/** A browser in a few lines: one cookie, the last page's CSRF token, the Origin header, 303s followed. */
class Browser {
  cookie = "";
  html = "";
  url = "";
  constructor(private readonly base: string) {}
  private async send(path: string, init: RequestInit): Promise<number> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: "manual" });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? "";
    const location = res.headers.get("location");
    if (res.status === 303 && location) return this.get(location);
    this.url = path;
    this.html = await res.text();
    return res.status;
  }
  get(path: string) {
    return this.send(path, { method: "GET" });
  }
  csrf(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.html)?.[1] ?? "";
  }
  post(path: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ ...fields, _csrf: this.csrf() }).toString();
    return this.send(path, {
      method: "POST",
      body,
      headers: { origin: this.base, "content-type": "application/x-www-form-urlencoded" },
    });
  }
  upload(path: string, files: Record<string, Blob>, names: Record<string, string>) {
    const form = new FormData();
    form.set("_csrf", this.csrf());
    for (const [field, blob] of Object.entries(files)) form.set(field, blob, names[field]);
    return this.send(path, { method: "POST", body: form, headers: { origin: this.base } });
  }
  async bytes(path: string): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  }
}

const cell = (html: string, label: string) =>
  new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(html)?.[1] ?? "";

describe("the portal's pages over the embedded stack", () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ freePorts: true, env: quiet, simStart: new Date("2026-01-12T09:00:00Z") });
  }, 60_000);
  afterAll(() => stack.close());

  it("console → a citizen → Modifica contatti → Converti PIN with uploads → Revoca PIN", async () => {
    const portalUrl = stack.portal.urls.http ?? "";
    const admin = new Browser(portalUrl);
    await admin.get("/__console/accesso");
    expect(await admin.post("/__console/accesso", { adminToken: stack.adminToken })).toBe(200);
    expect(admin.html).toContain("2026-01-12");
    await admin.post("/__console/orologio", { advanceBy: "P1D" });
    expect(admin.html).toContain("Orologio avanzato di P1D");
    await admin.get("/__console/cittadini");
    expect(await admin.post("/__console/cittadini", {})).toBe(200);
    const pin = /aria-label="PIN del cittadino">([^<]+)</.exec(admin.html)?.[1] ?? "";
    const fiscalCode = cell(admin.html, "Codice fiscale");
    const email = cell(admin.html, "Email");
    const [card, cardExpiry] = cell(admin.html, "Tessera sanitaria").split(", scade il ");
    expect(pin).toMatch(/^[A-Za-z0-9]{8}$/);

    const citizen = new Browser(portalUrl);
    await citizen.get("/accedi");
    await citizen.post("/accedi", { fiscalCode, pin });
    expect(citizen.url).toBe("/area-personale");

    // Modifica contatti: a new mobile, confirmed with the code the SMS gateway received.
    await citizen.get("/impostazioni/contatti");
    expect(await citizen.post("/impostazioni/contatti", { contatto: "mobile", mobile: "12" })).toBe(400);
    expect(citizen.html).toMatch(/id="f-mobile-errore">[^<]*<span>[^<]*cellulare/i);
    await citizen.post("/impostazioni/contatti", { contatto: "mobile", mobile: "+393471234567" });
    expect(citizen.url).toBe("/impostazioni/contatti/codice");
    const sms = await createSmsClient({ baseUrl: stack.services.sms.urls.http ?? "" }).waitForMessage({
      to: "+393471234567",
      timeoutMs: 15_000,
    });
    await citizen.post("/impostazioni/contatti/codice", {
      code: findSecret(sms.text, "Codice di verifica") ?? "",
    });
    expect(citizen.html).toContain("Recapiti aggiornati");

    // Converti PIN: the document, the form PDF through the portal, then the uploads (a GIF first: 415 in Italian).
    await citizen.get("/converti-pin/documento");
    const doc = {
      "identityDocument.type": "carta-identita",
      "identityDocument.issuedBy": "Comune di Roma",
      "identityDocument.issueDate": "2022-05-10",
      "identityDocument.expiryDate": "2032-05-10",
    };
    expect(await citizen.post("/converti-pin/documento", { ...doc, "identityDocument.number": "12" })).toBe(
      400,
    );
    expect(citizen.html).toContain("Numero del documento: numero non valido per questo documento");
    await citizen.post("/converti-pin/documento", { ...doc, "identityDocument.number": "CA12345AB" });
    expect(citizen.url).toBe("/converti-pin/richiesta");
    expect(citizen.html).toContain("In attesa del modulo firmato");
    const form = await citizen.bytes("/converti-pin/modulo.pdf");
    expect(form.status).toBe(200);
    expect(form.type).toBe("application/pdf");
    expect(new TextDecoder().decode(form.bytes.slice(0, 5))).toBe("%PDF-");
    const signed = new Blob([form.bytes.slice()], { type: "application/pdf" });
    const gif = new Blob([new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000")], { type: "image/gif" });
    expect(
      await citizen.upload(
        "/converti-pin/documenti",
        { signedForm: signed, identityDocument: gif },
        { signedForm: "modulo.pdf", identityDocument: "carta.gif" },
      ),
    ).toBe(415);
    expect(citizen.html).toContain("Formato del file non accettato");
    await citizen.upload(
      "/converti-pin/documenti",
      { signedForm: signed, identityDocument: signed },
      { signedForm: "modulo.pdf", identityDocument: "carta.pdf" },
    );
    expect(citizen.html).toContain("Documenti ricevuti");
    await citizen.get("/converti-pin/richiesta");
    expect(citizen.html).toContain("In verifica");

    // Revoca PIN: a mismatch first, then the right data; the session ends and the PIN no longer opens MyINPS.
    await citizen.get("/revoca-pin");
    const revocation = {
      fiscalCode,
      "healthCard.number": card ?? "",
      "healthCard.expiryDate": cardExpiry ?? "",
      email,
    };
    expect(await citizen.post("/revoca-pin", { ...revocation, email: "altro@example.it" })).toBe(401);
    expect(citizen.html).toContain("I dati non corrispondono a un PIN revocabile online");
    await citizen.post("/revoca-pin", revocation);
    expect(citizen.html).toContain("PIN revocato");
    await citizen.get("/area-personale");
    expect(citizen.url).toBe("/accedi");
    await citizen.post("/accedi", { fiscalCode, pin });
    expect(citizen.html).toContain("Codice fiscale o PIN non corretti.");

    // The console's view of the same citizen: its timeline and its messages.
    await admin.get(`/__console/cittadini/${fiscalCode}`);
    expect(admin.html).toMatch(/revo/);
    expect(admin.html).toContain(`${stack.services.sms.urls.http}/inbox?to=`);
    expect(admin.html).not.toContain(pin);
  }, 120_000);
});
