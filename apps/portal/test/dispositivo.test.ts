// Converti PIN: data and contacts with the way to Modifica contatti, the identity document with errors beside its
// fields in Italian, the form PDF through the portal, the uploads (415 and 413 in Italian), the status, and CSRF.
import { describe, expect, it } from "vitest";
import { createTestPortal, fieldBlock, ORIGIN, type TestPortal } from "./browser.ts";
import { FISCAL_CODE } from "./fake-identity.ts";

const DOC = {
  "identityDocument.type": "carta-identita",
  "identityDocument.number": "CA12345AB",
  "identityDocument.issuedBy": "Comune di Roma",
  "identityDocument.issueDate": "2022-05-10",
  "identityDocument.expiryDate": "2032-05-10",
};

async function signedIn(): Promise<TestPortal> {
  const portal = createTestPortal();
  portal.identity.citizens.set(FISCAL_CODE, { pin: "Cur4ent9", requiredAction: null, wrong: 0 });
  await portal.browser.get("/accedi");
  await portal.browser.post("/accedi", { fiscalCode: FISCAL_CODE, pin: "Cur4ent9" });
  return portal;
}

/** Posts the upload form as a browser does: multipart, with the page's CSRF token and Origin. */
async function upload(
  portal: TestPortal,
  files: Record<string, { bytes: Uint8Array; name: string; type: string }>,
  csrf: string | null = portal.browser.csrfToken(),
) {
  const form = new FormData();
  if (csrf !== null) form.set("_csrf", csrf);
  for (const [field, f] of Object.entries(files))
    form.set(field, new Blob([f.bytes.slice()], { type: f.type }), f.name);
  const res = await portal.app.request(`${ORIGIN}/converti-pin/documenti`, {
    method: "POST",
    body: form,
    headers: { origin: ORIGIN, cookie: portal.browser.cookie },
    redirect: "manual",
  });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

const pdf = (name: string) => ({
  bytes: new TextEncoder().encode(`%PDF-1.7 ${name}`),
  name,
  type: "application/pdf",
});

describe("Converti PIN", () => {
  it("starts from the personal data and contacts, with a link to Modifica contatti", async () => {
    const { browser } = await signedIn();
    expect((await browser.get("/impostazioni/sicurezza")).html).toContain('href="/converti-pin"');
    const page = await browser.get("/converti-pin");
    expect(page.html).toContain("<h1>Converti PIN</h1>");
    expect(page.html).toContain(FISCAL_CODE);
    expect(page.html).toContain("Mario Rossi");
    expect(page.html).toContain('href="/impostazioni/contatti"');
    expect(page.html).toContain('href="/converti-pin/documento"');
  });

  it("the identity document's errors appear beside their fields, in Italian, and the typed data stay", async () => {
    const { browser } = await signedIn();
    const form = await browser.get("/converti-pin/documento");
    for (const label of ["Numero del documento", "Rilasciato da", "Data di rilascio", "Data di scadenza"])
      expect(form.html).toContain(`>${label}</label>`);
    expect(form.html).toContain("<legend>Tipo di documento</legend>");
    const bad = await browser.post("/converti-pin/documento", { ...DOC, "identityDocument.number": "123" });
    expect(bad.status).toBe(400);
    expect(fieldBlock(bad.html, "identityDocument.number")).toContain(
      "Numero del documento: numero non valido per questo documento (ad esempio CA12345AB",
    );
    expect(bad.html).toContain('value="Comune di Roma"');
    const expired = await browser.post("/converti-pin/documento", {
      ...DOC,
      "identityDocument.expiryDate": "2020-01-01",
    });
    expect(fieldBlock(expired.html, "identityDocument.expiryDate")).toContain(
      "Data di scadenza: il documento è scaduto",
    );
  });

  it("opens the request, serves its form as a PDF through the portal, takes the uploads and shows the new status", async () => {
    const portal = await signedIn();
    const { browser, identity } = portal;
    await browser.get("/converti-pin/documento");
    const request = await browser.post("/converti-pin/documento", DOC);
    expect(request.url).toBe("/converti-pin/richiesta");
    expect(request.html).toContain("In attesa del modulo firmato");
    expect(request.html).toContain('href="/converti-pin/modulo.pdf"');
    expect(request.html).toContain('enctype="multipart/form-data"');
    expect(fieldBlock(request.html, "signedForm")).toContain(">Modulo firmato</label>");
    expect(fieldBlock(request.html, "identityDocument")).toContain(">Documento di identità</label>");

    const form = await portal.app.request(`${ORIGIN}/converti-pin/modulo.pdf`, {
      headers: { cookie: browser.cookie },
    });
    expect(form.status).toBe(200);
    expect(form.headers.get("content-type")).toBe("application/pdf");
    expect(form.headers.get("content-disposition")).toContain("attachment");
    expect(new TextDecoder().decode(await form.arrayBuffer())).toMatch(/^%PDF-/);

    const sent = await upload(portal, {
      signedForm: pdf("modulo-firmato.pdf"),
      identityDocument: pdf("carta.pdf"),
    });
    expect(sent.status).toBe(303);
    expect(identity.uploads).toEqual([{ requestId: "DSP-2", names: ["modulo-firmato.pdf", "carta.pdf"] }]);
    const status = await browser.get("/converti-pin/richiesta");
    expect(status.html).toContain("In verifica");
    expect(status.html).not.toContain('enctype="multipart/form-data"');
    // A second visit to the document step goes to the open request instead of a new one.
    expect((await browser.get("/converti-pin/documento")).url).toBe("/converti-pin/richiesta");
  });

  it("a file of the wrong type (415) and a file too large (413) are told in Italian beside the file", async () => {
    const portal = await signedIn();
    await portal.browser.get("/converti-pin/documento");
    await portal.browser.post("/converti-pin/documento", DOC);
    const wrongType = await upload(portal, {
      signedForm: pdf("modulo.pdf"),
      identityDocument: { bytes: new TextEncoder().encode("GIF89a"), name: "carta.gif", type: "image/gif" },
    });
    expect(wrongType.status).toBe(415);
    expect(fieldBlock(wrongType.html, "identityDocument")).toContain(
      "Formato del file non accettato: sono ammessi solo file PDF, PNG o JPEG.",
    );
    expect(fieldBlock(wrongType.html, "signedForm")).not.toContain("field-error");
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(new TextEncoder().encode("%PDF-"));
    const tooLarge = await upload(portal, {
      signedForm: { bytes: big, name: "grande.pdf", type: "application/pdf" },
      identityDocument: pdf("carta.pdf"),
    });
    expect(tooLarge.status).toBe(413);
    expect(fieldBlock(tooLarge.html, "signedForm")).toContain(
      "Il file è troppo grande: ogni file può essere al massimo di 5 MB.",
    );
    expect(portal.identity.uploads).toHaveLength(0);
  });

  it("a missing file is told beside its field before anything is sent", async () => {
    const portal = await signedIn();
    await portal.browser.get("/converti-pin/documento");
    await portal.browser.post("/converti-pin/documento", DOC);
    const page = await upload(portal, { signedForm: pdf("modulo.pdf") });
    expect(page.status).toBe(400);
    expect(fieldBlock(page.html, "identityDocument")).toContain(
      "Documento di identità: scelga il file da caricare.",
    );
    expect(portal.identity.calls.some((call) => call.method === "uploadDispositivoDocuments")).toBe(false);
  });

  it("refuses the document form and the upload without the CSRF token", async () => {
    const portal = await signedIn();
    await portal.browser.get("/converti-pin/documento");
    expect((await portal.browser.post("/converti-pin/documento", DOC, { csrf: null })).status).toBe(403);
    expect(portal.identity.calls.some((call) => call.method === "requestDispositivo")).toBe(false);
    await portal.browser.get("/converti-pin/documento");
    await portal.browser.post("/converti-pin/documento", DOC);
    const refused = await upload(portal, { signedForm: pdf("a.pdf"), identityDocument: pdf("b.pdf") }, null);
    expect(refused.status).toBe(403);
    expect(portal.identity.uploads).toHaveLength(0);
  });

  it("is behind the login", async () => {
    const { browser } = createTestPortal();
    for (const path of [
      "/converti-pin",
      "/converti-pin/documento",
      "/converti-pin/richiesta",
      "/converti-pin/modulo.pdf",
    ]) {
      expect((await browser.get(path)).url).toBe("/accedi");
    }
  });
});
