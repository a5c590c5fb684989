// R08 under concurrency, R07's unknown fiscal code indistinguishable from a wrong PIN, tokens stored hashed.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf } from "@inps-sim/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("sessions, as an attacker sees them", () => {
  it("an unknown fiscal code and a wrong PIN get the same answer", async () => {
    const { persona } = await activeCitizen(tb);
    const unknown = await login(tb, tb.persona().fiscalCode, "Wrong1Pin");
    const wrong = await login(tb, persona.fiscalCode, "Wrong1Pin");
    expect(unknown.res.status).toBe(wrong.res.status);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect([...unknown.res.headers.keys()].sort()).toEqual([...wrong.res.headers.keys()].sort());
  });

  it("concurrent wrong PINs are counted once each and none slips through the block", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () => login(tb, persona.fiscalCode, "Wrong1Pin")),
    );
    const statuses = attempts.map((a) => a.res.status);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(423);
    const rows = rowsOf<{ failed_attempts: number }>(
      await tb.handle.db.execute(
        sql`select failed_attempts from identity.credentials where fiscal_code = ${persona.fiscalCode}`,
      ),
    );
    // Every counted attempt answered 401; every other met the block.
    expect(Number(rows[0]?.failed_attempts)).toBe(statuses.filter((s) => s === 401).length);
  });

  it("concurrent correct logins are never blocked", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const attempts = await Promise.all(Array.from({ length: 8 }, () => login(tb, persona.fiscalCode, pin)));
    expect(attempts.map((a) => a.res.status)).toEqual(Array(8).fill(201));
  });

  it("tokens are stored only as SHA-256", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    const token = String(body.token);
    const rows = rowsOf<{ token_hash: string }>(
      await tb.handle.db.execute(
        sql`select token_hash from identity.sessions where fiscal_code = ${persona.fiscalCode}`,
      ),
    );
    expect(rows.map((r) => r.token_hash)).toContain(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("no token, a made-up token, a malformed header: 401 unauthenticated", async () => {
    for (const headers of [
      {},
      bearer("ses_madeup"),
      { authorization: "Basic abc" },
      { authorization: "Bearer " },
    ]) {
      const res = await tb.call("GET", "/api/v1/me", undefined, headers);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("unauthenticated");
    }
  });

  it("a session with a required action still reaches GET /me, and is no operator token", async () => {
    const { persona, pin } = await activeCitizen(tb);
    await tb.advance("P181D");
    const { body } = await login(tb, persona.fiscalCode, pin);
    expect(body.requiredAction).toBe("renew-expired-pin");
    const res = await tb.call(
      "GET",
      `/api/v1/operator/citizens/${persona.fiscalCode}/events`,
      undefined,
      bearer(body.token),
    );
    expect(res.status).toBe(401); // a citizen token is not an operator token
    expect((await tb.call("GET", "/api/v1/me", undefined, bearer(body.token))).status).toBe(200);
  });
});
