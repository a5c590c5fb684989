// R01–R03: a request creates the credential and sends the two halves over two channels, by either profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, requestBody, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("POST /api/v1/pin-requests", () => {
  it("digital-then-post: first half by email at once, second by post, 16 alphanumeric characters in all (R02, R03)", async () => {
    const p = tb.persona();
    const res = await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    expect(res.status).toBe(202);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      deliveryProfile: "digital-then-post",
      channels: { firstHalf: "email", secondHalf: "post" },
    });
    await tb.drain();
    const mail = tb.gateways.sentMail.find((m) => m.to === p.email);
    const letter = tb.gateways.sentLetters.find(
      (l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase(),
    );
    const first = secret(mail?.text, "Prima parte del PIN");
    const second = secret(letter?.body, "Seconda parte del PIN");
    expect(first).toMatch(/^[A-Z0-9]{8}$/);
    expect(second).toMatch(/^[A-Z0-9]{8}$/);
    expect(mail?.subject).toContain("PIN");
    expect(letter?.body).toContain("www.inps.it");
  });

  it("the activation deadline is 90 days after the request (R05)", async () => {
    const p = tb.persona();
    const before = tb.clock.now().getTime();
    const res = await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    const { activationDeadline } = (await res.json()) as { activationDeadline: string };
    const days = (Date.parse(activationDeadline) - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(90);
    expect(days).toBeLessThan(90.01);
  });

  it("digital-then-post by SMS sends the first half to the mobile", async () => {
    const p = tb.persona();
    const res = await tb.call("POST", "/api/v1/pin-requests", requestBody(p, { firstHalfChannel: "sms" }));
    expect(res.status).toBe(202);
    await tb.drain();
    const sms = tb.gateways.sentSms.find((m) => m.to === p.mobile);
    expect(secret(sms?.text, "Prima parte del PIN")).toMatch(/^[A-Z0-9]{8}$/);
  });

  it("post-then-activate: only the first half goes, by post, with the activation instructions", async () => {
    const p = tb.persona();
    const res = await tb.call(
      "POST",
      "/api/v1/pin-requests",
      requestBody(p, { deliveryProfile: "post-then-activate" }),
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({
      deliveryProfile: "post-then-activate",
      channels: { firstHalf: "post", secondHalf: "email" },
    });
    await tb.drain();
    const letter = tb.gateways.sentLetters.find(
      (l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase(),
    );
    expect(secret(letter?.body, "Prima parte del PIN")).toMatch(/^[A-Z0-9]{8}$/);
    expect(letter?.body).toContain("Attiva PIN");
    expect(tb.gateways.sentMail.some((m) => m.to === p.email)).toBe(false);
  });

  it("an Idempotency-Key retry answers the first answer and sends nothing new", async () => {
    const p = tb.persona();
    const headers = { "idempotency-key": `req-${p.fiscalCode}` };
    const a = await tb.call("POST", "/api/v1/pin-requests", requestBody(p), headers);
    const b = await tb.call("POST", "/api/v1/pin-requests", requestBody(p), headers);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(await b.json()).toEqual(await a.json());
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    await tb.drain();
    expect(tb.gateways.sentMail.filter((m) => m.to === p.email)).toHaveLength(1);
  });

  it("the timeline records the request and both deliveries", async () => {
    const p = tb.persona();
    await tb.call("POST", "/api/v1/pin-requests", requestBody(p));
    await tb.drain();
    const res = await tb.call("GET", `/api/v1/operator/citizens/${p.fiscalCode}/events`, undefined, {
      authorization: "Bearer operator-token-0123",
    });
    expect(res.status).toBe(200);
    const { events } = (await res.json()) as { events: { type: string; data: Record<string, unknown> }[] };
    const types = events.map((e) => e.type);
    expect(types).toContain("pin-requested");
    expect(types.filter((t) => t === "message-sent")).toHaveLength(2);
    expect(types.at(-1)).toBe("pin-requested");
  });
});
