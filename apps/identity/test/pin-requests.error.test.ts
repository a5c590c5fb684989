// R01: what a request must get right, each refusal naming its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, requestBody, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

const post = (body: unknown) => tb.call("POST", "/api/v1/pin-requests", body);
const problem = async (res: Response) =>
  (await res.json()) as { code: string; errors?: { path: string; message: string }[] };

describe("POST /api/v1/pin-requests refuses", () => {
  it("a fiscal code with a wrong check character", async () => {
    const p = tb.persona();
    const last = p.fiscalCode.at(-1) === "A" ? "B" : "A";
    const res = await post(requestBody(p, { fiscalCode: p.fiscalCode.slice(0, 15) + last }));
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe("validation-failed");
    expect(body.errors?.map((e) => e.path)).toContain("fiscalCode");
  });

  it("a fiscal code that does not match the personal data, naming the field", async () => {
    const p = tb.persona();
    const res = await post(
      requestBody(p, { birthDate: p.birthDate.replace(/^(\d{4})/, (y) => String(Number(y) - 1)) }),
    );
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toContain("birthDate");
  });

  it("no digital contact", async () => {
    const res = await post(requestBody(tb.persona(), { contacts: {} }));
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toContain("contacts");
  });

  it("a landline as mobile, a bad email, a PEC that is not certified", async () => {
    const res = await post(
      requestBody(tb.persona(), {
        contacts: { email: "not-an-email", pec: "a@gmail.com", mobile: "+390612345678" },
      }),
    );
    expect(res.status).toBe(400);
    const paths = (await problem(res)).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["contacts.email", "contacts.pec", "contacts.mobile"]));
  });

  it("post-then-activate without a health card", async () => {
    const res = await post(
      requestBody(tb.persona(), { deliveryProfile: "post-then-activate", healthCard: undefined }),
    );
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toContain("healthCard");
  });

  it("an expired health card", async () => {
    const res = await post(
      requestBody(tb.persona(), { healthCard: { number: "80380000000000000001", expiryDate: "2020-01-01" } }),
    );
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toContain("healthCard.expiryDate");
  });

  it("an SMS channel without a mobile", async () => {
    const p = tb.persona();
    const res = await post(requestBody(p, { firstHalfChannel: "sms", contacts: { email: p.email } }));
    expect(res.status).toBe(400);
    expect((await problem(res)).errors?.map((e) => e.path)).toContain("firstHalfChannel");
  });

  it("a second request while the first PIN is live: 409 credential-exists", async () => {
    const p = tb.persona();
    expect((await post(requestBody(p))).status).toBe(202);
    const again = await post(requestBody(p));
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe("credential-exists");
  });

  it("malformed JSON and a wrong shape are 400 validation-failed", async () => {
    for (const res of [
      await tb.call("POST", "/api/v1/pin-requests", "{not json"),
      await post({ fiscalCode: 42 }),
      await post([]),
    ]) {
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect((await problem(res)).code).toBe("validation-failed");
    }
  });

  it("a body that is not JSON by its content type: 415 as problem+json", async () => {
    const res = await tb.call("POST", "/api/v1/pin-requests", "fiscalCode=X", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("the same Idempotency-Key with another body: 422", async () => {
    const a = tb.persona();
    const b = tb.persona();
    const headers = { "idempotency-key": `k-${a.fiscalCode}` };
    expect((await tb.call("POST", "/api/v1/pin-requests", requestBody(a), headers)).status).toBe(202);
    const res = await tb.call("POST", "/api/v1/pin-requests", requestBody(b), headers);
    expect(res.status).toBe(422);
    expect((await problem(res)).code).toBe("idempotency-key-reused");
  });
});
