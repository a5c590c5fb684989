// The real gateway clients against msw: 5xx, a gateway that hangs, malformed answers, a 4xx that no retry fixes.
import { createPostalClient, createSmsClient } from "@inps-sim/clients";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, fakeGateways, requestBody, type Testbed } from "./support.ts";

const SMS = "http://sms.test";
const POSTAL = "http://postal.test";
const smsKeys: string[] = [];
const letterKeys: string[] = [];
let smsBehaviour: "ok" | "503" | "hang" | "garbage" | "400" = "ok";

const server = setupServer(
  http.post(`${SMS}/api/v1/messages`, async ({ request }) => {
    const key = request.headers.get("idempotency-key") ?? "";
    if (smsBehaviour === "503") return HttpResponse.json({ code: "unavailable" }, { status: 503 });
    if (smsBehaviour === "hang") await delay("infinite");
    if (smsBehaviour === "garbage")
      return new HttpResponse("<html>oops</html>", { status: 200, headers: { "content-type": "text/html" } });
    if (smsBehaviour === "400")
      return HttpResponse.json({ code: "validation-failed", detail: "not a mobile" }, { status: 400 });
    // The real gateway replays a known key: count distinct keys as distinct messages.
    if (!smsKeys.includes(key)) smsKeys.push(key);
    return HttpResponse.json({ id: `sms-${key}`, status: "queued" }, { status: 202 });
  }),
  http.post(`${POSTAL}/api/v1/letters`, ({ request }) => {
    const key = request.headers.get("idempotency-key") ?? "";
    if (!letterKeys.includes(key)) letterKeys.push(key);
    return HttpResponse.json(
      { id: `l-${key}`, status: "accepted", expectedDeliveryDate: "2026-03-06" },
      { status: 201 },
    );
  }),
);

let tb: Testbed;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  const fakes = fakeGateways();
  tb = await createTestbed(import.meta.filename, {
    gateways: {
      sms: createSmsClient({ baseUrl: SMS }),
      postal: createPostalClient({ baseUrl: POSTAL }),
      mail: fakes.mail,
    },
    sendTimeoutMs: 200,
  });
});
afterEach(() => {
  smsBehaviour = "ok";
});
afterAll(async () => {
  server.close();
  await tb.close();
});

async function statusOf(fiscalCode: string, purpose: string) {
  const res = await tb.sim("GET", `/outbox?fiscalCode=${fiscalCode}`);
  const { messages } = (await res.json()) as {
    messages: { purpose: string; status: string; attempts: number; lastError: string | null }[];
  };
  return messages.find((m) => m.purpose === purpose)!;
}

describe("outbox against failing HTTP gateways", () => {
  it.each(["503", "hang", "garbage"] as const)(
    "a gateway answering %s delays the SMS; it is sent once after recovery",
    async (behaviour) => {
      const p = tb.persona();
      smsBehaviour = behaviour;
      await tb.call("POST", "/api/v1/pin-requests", requestBody(p, { firstHalfChannel: "sms" }));
      await tb.drain();
      const failed = await statusOf(p.fiscalCode, "first-half");
      expect(failed.status).toBe("pending");
      expect(failed.lastError).toBeTruthy();
      smsBehaviour = "ok";
      await tb.advance("PT1M");
      const sent = await statusOf(p.fiscalCode, "first-half");
      expect(sent.status).toBe("sent");
      expect(smsKeys.filter((k) => k.length > 0)).toHaveLength(new Set(smsKeys).size);
      // The letter went at once, once.
      expect((await statusOf(p.fiscalCode, "second-half")).status).toBe("sent");
    },
  );

  it("a 400 from the gateway is not retried for ever: the message is marked dead and the timeline says so", async () => {
    const p = tb.persona();
    smsBehaviour = "400";
    await tb.call("POST", "/api/v1/pin-requests", requestBody(p, { firstHalfChannel: "sms" }));
    await tb.drain();
    expect((await statusOf(p.fiscalCode, "first-half")).status).toBe("dead");
  });

  it("every retry carries the same Idempotency-Key (the outbox id)", async () => {
    const p = tb.persona();
    const seen: string[] = [];
    server.use(
      http.post(`${SMS}/api/v1/messages`, ({ request }) => {
        seen.push(request.headers.get("idempotency-key") ?? "");
        return seen.length < 3
          ? HttpResponse.json({}, { status: 502 })
          : HttpResponse.json({ id: "x", status: "queued" }, { status: 202 });
      }),
    );
    await tb.call("POST", "/api/v1/pin-requests", requestBody(p, { firstHalfChannel: "sms" }));
    await tb.drain();
    await tb.advance("PT1M");
    await tb.advance("PT1M");
    expect(seen.length).toBe(3);
    expect(new Set(seen).size).toBe(1);
    server.resetHandlers();
  });
});
