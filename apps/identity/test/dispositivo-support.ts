// Helpers for the conversion tests: a citizen with an ordinary PIN and a session, a valid identity document,
// scans recognisable by content, and pdftotext.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { activeCitizen, bearer, login, OPERATOR_TOKEN, type Testbed } from "./support.ts";

export const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };

export function identityDocument(overrides: Record<string, unknown> = {}) {
  return {
    type: "carta-identita",
    number: "CA12345AB",
    issuedBy: "Comune di Roma",
    issueDate: "2021-05-10",
    expiryDate: "2031-05-10",
    ...overrides,
  };
}

export async function ordinarySession(tb: Testbed, extra: Record<string, unknown> = {}) {
  const { persona, pin } = await activeCitizen(tb, "Gatto7Bl", extra);
  const { body } = await login(tb, persona.fiscalCode, pin);
  return { persona, pin, headers: bearer(body.token) };
}

export async function openRequest(tb: Testbed, headers: Record<string, string>) {
  const res = await tb.call(
    "POST",
    "/api/v1/me/dispositivo-requests",
    { identityDocument: identityDocument() },
    headers,
  );
  if (res.status !== 201) throw new Error(`request answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { requestId: string; status: string; formUrl: string };
}

/** The first bytes of a JPEG (SOI and a JFIF APP0 marker) are all file-type needs. */
export const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);

export function upload(
  tb: Testbed,
  requestId: string,
  headers: Record<string, string>,
  files: { signedForm?: Blob; identityDocument?: Blob },
  name = "scan.pdf",
) {
  const form = new FormData();
  if (files.signedForm) form.set("signedForm", files.signedForm, name);
  if (files.identityDocument) form.set("identityDocument", files.identityDocument, "documento.jpg");
  return Promise.resolve(
    tb.app.request(`/api/v1/me/dispositivo-requests/${requestId}/documents`, {
      method: "POST",
      body: form,
      headers,
    }),
  );
}

/** The text of a PDF, and whether poppler renders its first page to a PNG. */
export function pdfText(bytes: ArrayBuffer): { text: string; png: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "dispositivo-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, Buffer.from(bytes));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const png = execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", file]);
    return { text, png };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
