// The operator API: a PIN requested by phone (R01), the timeline; both need an operator token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeCitizen,
  bearer,
  createTestbed,
  login,
  OPERATOR_TOKEN,
  requestBody,
  type Testbed,
} from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

const asOperator = bearer(OPERATOR_TOKEN);

describe("operator API", () => {
  it("a PIN requested by phone is sent like an online one, and the timeline names the operator (R01)", async () => {
    const p = tb.persona();
    const res = await tb.call("POST", "/api/v1/operator/pin-requests", requestBody(p), asOperator);
    expect(res.status).toBe(202);
    await tb.drain();
    expect(tb.gateways.sentMail.some((m) => m.to === p.email)).toBe(true);
    const events = await tb.call(
      "GET",
      `/api/v1/operator/citizens/${p.fiscalCode}/events`,
      undefined,
      asOperator,
    );
    const list = ((await events.json()) as { events: { type: string; data: Record<string, unknown> }[] })
      .events;
    expect(list.find((e) => e.type === "pin-requested")?.data).toMatchObject({
      via: "contact-centre",
      operatorId: "op1",
    });
  });

  it("no token, a wrong token, a citizen's session token: 401", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const { body } = await login(tb, persona.fiscalCode, pin);
    for (const headers of [{}, bearer("operator-token-0124"), bearer(body.token)]) {
      const res = await tb.call(
        "GET",
        `/api/v1/operator/citizens/${persona.fiscalCode}/events`,
        undefined,
        headers,
      );
      expect(res.status).toBe(401);
      const req = await tb.call("POST", "/api/v1/operator/pin-requests", requestBody(tb.persona()), headers);
      expect(req.status).toBe(401);
    }
  });

  it("an unknown citizen: 404", async () => {
    const res = await tb.call(
      "GET",
      `/api/v1/operator/citizens/${tb.persona().fiscalCode}/events`,
      undefined,
      asOperator,
    );
    expect(res.status).toBe(404);
  });

  it("the timeline is newest first and never carries a PIN", async () => {
    const { persona, pin } = await activeCitizen(tb, "Nebbia4K");
    await login(tb, persona.fiscalCode, "Nebbia4X");
    await tb.advance("PT3M");
    await login(tb, persona.fiscalCode, pin);
    const res = await tb.call(
      "GET",
      `/api/v1/operator/citizens/${persona.fiscalCode}/events`,
      undefined,
      asOperator,
    );
    const text = await res.text();
    expect(text).not.toContain("Nebbia4");
    const list = (JSON.parse(text) as { events: { type: string; at: string }[] }).events;
    expect(list.map((e) => e.type)).toEqual(["login-succeeded", "locked", "login-failed", "citizen-created"]);
    const times = list.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
