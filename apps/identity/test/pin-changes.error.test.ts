// R10–R12: each rejection has its own code and reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, login, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function session(pin = "Gatto7Bl") {
  const { persona } = await activeCitizen(tb, pin);
  const { body } = await login(tb, persona.fiscalCode, pin);
  return { persona, pin, token: body.token };
}
const start = (token: unknown, body: unknown) =>
  tb.call("POST", "/api/v1/me/pin-changes", body, bearer(token));
const problem = async (res: Response) =>
  (await res.json()) as { code: string; reasons?: { code: string }[]; retryAfter?: number };

describe("POST /api/v1/me/pin-changes refuses", () => {
  it("a confirmation that differs: 400 confirmation-mismatch (R10)", async () => {
    const s = await session();
    const res = await start(s.token, { currentPin: s.pin, newPin: "Rondin42", confirmPin: "Rondin43" });
    expect(res.status).toBe(400);
    expect((await problem(res)).code).toBe("confirmation-mismatch");
  });

  it.each([
    ["12345678", "needs-letter-and-digit"],
    ["abcd1234", "sequence"],
    ["Short1", "length"],
    ["Passw0rd", "common"],
  ])("a weak PIN %s: 422 pin-too-weak with the reason %s (R12)", async (weak, reason) => {
    const s = await session();
    const res = await start(s.token, { currentPin: s.pin, newPin: weak, confirmPin: weak });
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body.code).toBe("pin-too-weak");
    expect(body.reasons?.map((r) => r.code)).toContain(reason);
  });

  it("the current PIN again, or a recent one: 422 pin-reused (R12)", async () => {
    const s = await session("Gatto7Bl");
    const res = await start(s.token, { currentPin: s.pin, newPin: s.pin, confirmPin: s.pin });
    expect(res.status).toBe(422);
    expect((await problem(res)).code).toBe("pin-reused");
  });

  it("a wrong current PIN: 401 invalid-credentials, and it counts toward the lockout (R08)", async () => {
    const s = await session();
    const res = await start(s.token, { currentPin: "Wrong1Pin", newPin: "Rondin42", confirmPin: "Rondin42" });
    expect(res.status).toBe(401);
    expect((await problem(res)).code).toBe("invalid-credentials");
    const blocked = await login(tb, s.persona.fiscalCode, s.pin);
    expect(blocked.res.status).toBe(423);
    const again = await start(s.token, { currentPin: s.pin, newPin: "Rondin42", confirmPin: "Rondin42" });
    expect(again.status).toBe(423);
  });

  it("a wrong code: 400 invalid-code; after too many, 410 code-expired even with the right one (R11)", async () => {
    const s = await session();
    const res = await start(s.token, { currentPin: s.pin, newPin: "Rondin42", confirmPin: "Rondin42" });
    const { changeId } = (await res.json()) as { changeId: string };
    await tb.drain();
    const code = secret(
      tb.gateways.sentMail.findLast((m) => m.to === s.persona.email)?.text,
      "Codice di verifica",
    )!;
    const wrongCode = code === "000000" ? "111111" : "000000";
    const verify = (c: string) =>
      tb.call("POST", `/api/v1/me/pin-changes/${changeId}/verify`, { code: c }, bearer(s.token));
    for (let i = 0; i < 4; i++) {
      const r = await verify(wrongCode);
      expect(r.status).toBe(400);
      expect((await problem(r)).code).toBe("invalid-code");
    }
    const fifth = await verify(wrongCode);
    expect(fifth.status).toBe(410);
    const right = await verify(code);
    expect(right.status).toBe(410);
    expect((await problem(right)).code).toBe("code-expired");
    expect((await login(tb, s.persona.fiscalCode, s.pin)).res.status).toBe(201);
  });

  it("an expired code: 410 code-expired after 15 minutes (R11)", async () => {
    const s = await session();
    const res = await start(s.token, { currentPin: s.pin, newPin: "Rondin42", confirmPin: "Rondin42" });
    const { changeId } = (await res.json()) as { changeId: string };
    await tb.drain();
    const code = secret(
      tb.gateways.sentMail.findLast((m) => m.to === s.persona.email)?.text,
      "Codice di verifica",
    )!;
    await tb.advance("PT16M");
    // The 30-minute session is still open.
    const r = await tb.call("POST", `/api/v1/me/pin-changes/${changeId}/verify`, { code }, bearer(s.token));
    expect(r.status).toBe(410);
    expect((await problem(r)).code).toBe("code-expired");
  });

  it("a code used twice: 410 the second time", async () => {
    const s = await session();
    const res = await start(s.token, { currentPin: s.pin, newPin: "Rondin42", confirmPin: "Rondin42" });
    const { changeId } = (await res.json()) as { changeId: string };
    await tb.drain();
    const code = secret(
      tb.gateways.sentMail.findLast((m) => m.to === s.persona.email)?.text,
      "Codice di verifica",
    )!;
    const verify = (token: string) =>
      tb.call("POST", `/api/v1/me/pin-changes/${changeId}/verify`, { code }, bearer(token));
    // Two at once: one changes the PIN. The other finds the code used (410) or, when it is authenticated after the
    // change committed, its session ended by the change (401, R34): never a second 200.
    const [a, b] = await Promise.all([verify(String(s.token)), verify(String(s.token))]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([401, 410]).toContain(statuses[1]);
    // Once more from a new session (with the new PIN): the code is spent.
    const { body } = await login(tb, s.persona.fiscalCode, "Rondin42");
    expect((await verify(String(body.token))).status).toBe(410);
  });

  it("no session: 401", async () => {
    const res = await tb.call("POST", "/api/v1/me/pin-changes", {
      currentPin: "a",
      newPin: "b",
      confirmPin: "b",
    });
    expect(res.status).toBe(401);
  });
});
