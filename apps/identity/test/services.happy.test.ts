// R27/R32: an ordinary PIN opens every consultation service; a PIN dispositivo submits applications whose status
// moves with the simulated clock.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSULTATION_SERVICES, documentLines } from "../src/services/documents.ts";
import { activeCitizen, bearer, createTestbed, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

interface Doc {
  service: string;
  fiscalCode: string;
  holder: string;
  lines: { label: string; value: string }[];
}

async function session(kind: "ordinary" | "dispositivo" = "ordinary") {
  const { persona, pin } = await activeCitizen(tb, "Gatto7Bl", { pinKind: kind });
  const { body } = await login(tb, persona.fiscalCode, pin);
  return { persona, pin, headers: bearer(body.token) };
}

describe("GET /api/v1/services/{service}", () => {
  it("every consultation service answers an ordinary PIN with the citizen's own simulated document", async () => {
    const { persona, headers } = await session();
    for (const service of CONSULTATION_SERVICES) {
      const res = await tb.call("GET", `/api/v1/services/${service}`, undefined, headers);
      expect(res.status, service).toBe(200);
      const doc = (await res.json()) as Doc;
      expect(doc).toMatchObject({
        service,
        fiscalCode: persona.fiscalCode,
        holder: `${persona.firstName} ${persona.lastName}`,
        simulated: true,
      });
      expect(doc.lines.length, service).toBeGreaterThan(0);
    }
  });

  it("the same citizen reads the same figures again; the figures depend on SIM_SEED and the citizen only", async () => {
    const { persona, headers } = await session();
    const read = async () =>
      (
        (await (
          await tb.call("GET", "/api/v1/services/certificazione-unica", undefined, headers)
        ).json()) as Doc
      ).lines;
    const first = await read();
    expect(await read()).toEqual(first);
    // What another stack with the same seed computes for this citizen, and with another seed.
    const holder = { fiscalCode: persona.fiscalCode, birthDate: persona.birthDate };
    expect(documentLines("inps-sim", "certificazione-unica", holder, tb.clock.now())).toEqual(first);
    expect(documentLines("another-seed", "certificazione-unica", holder, tb.clock.now())).not.toEqual(first);
  });

  it("the PDF of a document carries the holder's name and the document's title", async () => {
    const { persona, headers } = await session();
    const res = await tb.call("GET", "/api/v1/services/pension-slip/document.pdf", undefined, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const dir = mkdtempSync(join(tmpdir(), "dispositivo-pdf-"));
    try {
      const file = join(dir, "doc.pdf");
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("Cedolino pensione");
      expect(text).toContain(`${persona.firstName} ${persona.lastName}`);
      expect(text).toContain(persona.fiscalCode);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("POST /api/v1/services/applications", () => {
  it("a PIN dispositivo submits an application whose status moves with simulated time in the status of applications", async () => {
    const { persona, pin, headers } = await session("dispositivo");
    const res = await tb.call("POST", "/api/v1/services/applications", { kind: "naspi" }, headers);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { applicationId: string; status: string };
    expect(created.status).toBe("submitted");
    const status = async () => {
      // A new session each time: days pass between the readings.
      const fresh = bearer((await login(tb, persona.fiscalCode, pin)).body.token);
      const doc = (await (
        await tb.call("GET", "/api/v1/services/application-status", undefined, fresh)
      ).json()) as Doc;
      return doc.lines.find((l) => l.label.startsWith(created.applicationId))?.value;
    };
    expect(await status()).toMatch(/^presentata/);
    await tb.advance("P2D");
    expect(await status()).toMatch(/^in istruttoria/);
    await tb.advance("P30D");
    expect(await status()).toMatch(/^accolta/);
  });
});
