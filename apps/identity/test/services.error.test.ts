// R27: an ordinary PIN consults but cannot submit applications; bad input is a 400, never a stored row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function ordinary() {
  const { persona, pin } = await activeCitizen(tb);
  const { body } = await login(tb, persona.fiscalCode, pin);
  return bearer(body.token);
}

describe("POST /api/v1/services/applications", () => {
  it("an ordinary PIN gets 403 dispositivo-required, told in Italian how to convert, and nothing is submitted", async () => {
    const headers = await ordinary();
    const res = await tb.call("POST", "/api/v1/services/applications", { kind: "assegno-unico" }, headers);
    expect(res.status).toBe(403);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("dispositivo-required");
    expect(problem.detail).toContain("Converti PIN");
    expect(problem.detail).toContain("/api/v1/me/dispositivo-requests");
    const doc = (await (
      await tb.call("GET", "/api/v1/services/application-status", undefined, headers)
    ).json()) as { lines: { value: string }[] };
    expect(doc.lines).toEqual([{ label: "Domande", value: "Nessuna domanda presentata" }]);
  });

  it("an unknown kind or an extra field is 400 validation-failed naming the field", async () => {
    const { persona, pin } = await activeCitizen(tb, "Gatto7Bl", { pinKind: "dispositivo" });
    const headers = bearer((await login(tb, persona.fiscalCode, pin)).body.token);
    for (const body of [{ kind: "lottery" }, { kind: "naspi", amount: 1 }, {}]) {
      const res = await tb.call("POST", "/api/v1/services/applications", body, headers);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe("validation-failed");
    }
  });
});

describe("GET /api/v1/services/{service}", () => {
  it("an unknown service is 404, and a PDF of it too", async () => {
    const headers = await ordinary();
    for (const path of ["/api/v1/services/lottery", "/api/v1/services/lottery/document.pdf"]) {
      expect((await tb.call("GET", path, undefined, headers)).status).toBe(404);
    }
  });
});
