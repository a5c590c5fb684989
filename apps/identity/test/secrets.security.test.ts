// R14: after a full run (both profiles, activation, first access, wrong PINs, changes), no PIN, half or code
// issued in it appears in clear in any table of the identity schema or in any log line.
import { sql } from "drizzle-orm";
import { rowsOf } from "@inps-sim/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestbed, login, requestBody, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function dumpIdentitySchema(): Promise<string> {
  const tables = rowsOf<{ table_name: string }>(
    await tb.handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'identity'`,
    ),
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = rowsOf(await tb.handle.db.execute(sql.raw(`select * from "identity"."${table_name}"`)));
    parts.push(`${table_name}: ${JSON.stringify(rows)}`);
  }
  return parts.join("\n");
}

describe("R14: never in clear", () => {
  it("no PIN, half or code of a full run is in the database or the logs", async () => {
    const secrets: string[] = [];
    const mailTo = (to: string) => tb.gateways.sentMail.findLast((m) => m.to === to)?.text;
    const letterTo = (first: string, last: string) =>
      tb.gateways.sentLetters.findLast((l) => l.name === `${first} ${last}`.toUpperCase())?.body;

    // digital-then-post, first access, change.
    const a = tb.persona();
    await tb.call("POST", "/api/v1/pin-requests", requestBody(a), {
      "idempotency-key": `r14-${a.fiscalCode}`,
    });
    await tb.drain();
    const aPin =
      secret(mailTo(a.email), "Prima parte del PIN")! +
      secret(letterTo(a.firstName, a.lastName), "Seconda parte del PIN")!;
    secrets.push(aPin, aPin.slice(0, 8), aPin.slice(8));
    const s1 = await login(tb, a.fiscalCode, aPin);
    const start = await tb.call(
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: aPin, newPin: "Lampo9Xy", confirmPin: "Lampo9Xy" },
      bearer(s1.body.token),
    );
    const { changeId } = (await start.json()) as { changeId: string };
    await tb.drain();
    const code = secret(mailTo(a.email), "Codice di verifica")!;
    secrets.push(code, "Lampo9Xy", String(s1.body.token));
    await tb.call(
      "POST",
      `/api/v1/me/pin-changes/${changeId}/verify`,
      { code: "000001" },
      bearer(s1.body.token),
    );
    await tb.call("POST", `/api/v1/me/pin-changes/${changeId}/verify`, { code }, bearer(s1.body.token));
    await login(tb, a.fiscalCode, "Wrong7Pin");
    await tb.advance("PT3M");
    await login(tb, a.fiscalCode, "Lampo9Xy");

    // post-then-activate, activation.
    const b = tb.persona();
    await tb.call("POST", "/api/v1/pin-requests", requestBody(b, { deliveryProfile: "post-then-activate" }));
    await tb.drain();
    const bFirst = secret(letterTo(b.firstName, b.lastName), "Prima parte del PIN")!;
    await tb.call("POST", "/api/v1/pin-activations", {
      fiscalCode: b.fiscalCode,
      firstHalf: bFirst,
      healthCard: b.healthCard,
    });
    await tb.drain();
    const bSecond = secret(mailTo(b.email), "Seconda parte del PIN")!;
    secrets.push(bFirst, bSecond, bFirst + bSecond);
    await login(tb, b.fiscalCode, bFirst + bSecond);

    // A lost-PIN recovery of a: link, code, the new halves, the generated PINs (R15–R20).
    await tb.advance("PT3M");
    await tb.call("POST", "/api/v1/recoveries", {
      fiscalCode: a.fiscalCode,
      email: a.email,
      mobile: a.mobile,
    });
    await tb.sim("POST", "/outbox/drain");
    const recoveryText = tb.gateways.sentMail.findLast(
      (m) => m.to === a.email && m.subject.includes("Recupero"),
    )!.text;
    const recoveryLink = secret(recoveryText, "Link di ripristino")!;
    const recoveryToken = recoveryLink.slice(recoveryLink.lastIndexOf("/") + 1);
    const recoveryCode = secret(recoveryText, "Codice di ripristino")!;
    secrets.push(recoveryToken, recoveryCode);
    await tb.call("GET", `/api/v1/recoveries/${recoveryToken}`);
    await tb.call("POST", `/api/v1/recoveries/${recoveryToken}/confirm`, {
      fiscalCode: a.fiscalCode,
      recoveryCode: "ZZZZZZZZ",
    });
    await tb.call("POST", `/api/v1/recoveries/${recoveryToken}/confirm`, {
      fiscalCode: a.fiscalCode,
      recoveryCode,
    });
    await tb.drain();
    const rFirst = secret(
      tb.gateways.sentSms.findLast((m) => m.to === a.mobile)?.text,
      "Prima parte del PIN",
    )!;
    const rSecond = secret(mailTo(a.email), "Seconda parte del PIN")!;
    secrets.push(rFirst, rSecond, rFirst + rSecond);
    const s3 = await login(tb, a.fiscalCode, rFirst + rSecond);
    const shown = async () =>
      (
        (await (
          await tb.call("POST", "/api/v1/me/generated-pin", undefined, bearer(s3.body.token))
        ).json()) as { pin: string }
      ).pin;
    const generated = [await shown(), await shown()];
    secrets.push(...generated, String(s3.body.token));
    await tb.call("POST", "/api/v1/me/generated-pin/confirm", { pin: generated[0] }, bearer(s3.body.token));
    await tb.call("POST", "/api/v1/me/generated-pin/confirm", { pin: generated[1] }, bearer(s3.body.token));
    expect((await login(tb, a.fiscalCode, generated[1]!)).res.status).toBe(201);

    // A citizen made through the control plane.
    const c = tb.persona();
    await tb.sim("POST", "/citizens", { ...requestBody(c), contacts: { email: c.email }, pin: "Torre4Km" });
    secrets.push("Torre4Km");
    const s4 = await login(tb, c.fiscalCode, "Torre4Km");

    // A contact change (R25): its code; then a revocation (R24) with a pending change and a half still queued.
    const patch = await tb.call(
      "PATCH",
      "/api/v1/me/contacts",
      { email: `nuova.${c.email}` },
      bearer(s4.body.token),
    );
    const { verificationId } = (await patch.json()) as { verificationId: string };
    await tb.drain();
    const contactCode = secret(mailTo(`nuova.${c.email}`), "Codice di verifica")!;
    secrets.push(contactCode);
    await tb.call(
      "POST",
      `/api/v1/me/contacts/verifications/${verificationId}`,
      { code: contactCode },
      bearer(s4.body.token),
    );
    const d = tb.persona();
    await tb.call("POST", "/api/v1/pin-requests", requestBody(d));
    await tb.call("POST", "/api/v1/revocations", {
      fiscalCode: d.fiscalCode,
      healthCard: d.healthCard,
      email: d.email,
    });
    await tb.drain();

    for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(6);
    const dump = await dumpIdentitySchema();
    const logs = tb.logs.join("");
    expect(dump.length).toBeGreaterThan(1000);
    expect(logs.length).toBeGreaterThan(100);
    for (const s of secrets) {
      expect(dump.includes(s), `a secret is in the database dump`).toBe(false);
      expect(logs.includes(s), `a secret is in the logs`).toBe(false);
    }
  });

  it("error answers never echo the PIN that was sent", async () => {
    const res = await tb.call("POST", "/api/v1/sessions", { fiscalCode: "not-a-code", pin: "Segreto9Q" });
    expect(await res.text()).not.toContain("Segreto9Q");
    const weak = await tb.call("POST", "/api/v1/sessions", { fiscalCode: 1, pin: "Segreto9Q" });
    expect(await weak.text()).not.toContain("Segreto9Q");
  });
});
