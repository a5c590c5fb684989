// What a citizen reads in a refusal is Italian and names the field in words; the `code` stays for programs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeCitizen,
  bearer,
  createTestbed,
  issueInitialPin,
  login,
  requestBody,
  secret,
  type Testbed,
} from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("citizen-facing problems", () => {
  it("a missing residence names the field in words, not the validation library's English", async () => {
    const body: Record<string, unknown> = requestBody(tb.persona());
    delete body.residence;
    const res = await tb.call("POST", "/api/v1/pin-requests", body);
    const problem = (await res.json()) as {
      code: string;
      detail: string;
      errors: { path: string; message: string }[];
    };
    expect(res.status).toBe(400);
    expect(problem.code).toBe("validation-failed");
    expect(problem.errors).toContainEqual({
      path: "residence",
      message: "Indirizzo di residenza: campo obbligatorio",
    });
    expect(problem.detail).not.toMatch(/Invalid|expected|received/);
  });

  it("a 415 says that JSON is expected", async () => {
    const res = await tb.call("POST", "/api/v1/pin-requests", "fiscalCode=X", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(415);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("unsupported-media-type");
    expect(problem.detail).toMatch(/JSON/);
    expect(problem.detail).toMatch(/deve essere/);
  });

  it("a weak PIN's reasons are Italian", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    const res = await tb.call(
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: pin, newPin: "12345678", confirmPin: "12345678" },
      bearer(body.token),
    );
    const problem = (await res.json()) as { code: string; reasons: { code: string; message: string }[] };
    expect(problem.code).toBe("pin-too-weak");
    expect(problem.reasons.map((r) => r.message).join(" ")).toMatch(/^il nuovo PIN/);
    expect(problem.reasons.map((r) => r.message).join(" ")).not.toMatch(/\bthe\b/);
  });

  it("the verification email names the page where the code is typed: first access, not the settings", async () => {
    const { persona, pin } = await issueInitialPin(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    const res = await tb.call(
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: pin, newPin: "Fiume8Bz", confirmPin: "Fiume8Bz" },
      bearer(body.token),
    );
    expect(res.status).toBe(202);
    await tb.drain();
    const mail = tb.gateways.sentMail.findLast(
      (m) => m.to === persona.email && secret(m.text, "Codice di verifica") !== undefined,
    );
    expect(mail?.text).toMatch(/primo accesso/);
    expect(mail?.text).not.toMatch(/Impostazioni/);
  });
});
