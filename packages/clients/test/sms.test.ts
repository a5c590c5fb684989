import { describe, expect, it } from "vitest";
import { createSmsClient, findSecret, SmsClientError, type SmsMessage } from "../src/sms.ts";

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A stand-in for the gateway: records each request and answers with `reply`. */
function stub(reply: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    // The client may hand over a Request (openapi-fetch does) or a URL and its init: read both the same way.
    const request = new Request(input, init);
    const text = await request.text();
    const s: Seen = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    seen.push(s);
    return reply(s);
  };
  return { seen, fetch: fetchStub };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const message = (over: Partial<SmsMessage> = {}): SmsMessage => ({
  id: "sms_0123456789abcdef0123",
  to: "+393331234567",
  from: "INPS",
  text: "Prima parte del PIN: AB12CD34",
  status: "delivered",
  createdAt: "2026-03-02T09:00:00.000Z",
  deliveredAt: "2026-03-02T09:00:05.000Z",
  failedAt: null,
  failureReason: null,
  failureDetail: null,
  encoding: "GSM-7",
  segments: 1,
  statusCallback: null,
  ...over,
});

describe("createSmsClient", () => {
  it("sends with an Idempotency-Key and reports a replay", async () => {
    const s = stub(() => json({ id: "sms_1", status: "queued" }, 202, { "idempotent-replayed": "true" }));
    const sms = createSmsClient({ baseUrl: "http://sms.test/", fetch: s.fetch });
    const result = await sms.send({ to: "+393331234567", text: "hi" }, { idempotencyKey: "k-1" });
    expect(result).toEqual({ id: "sms_1", status: "queued", replayed: true });
    expect(s.seen[0]).toMatchObject({
      method: "POST",
      url: "http://sms.test/api/v1/messages",
      headers: { "idempotency-key": "k-1", "content-type": "application/json" },
      body: { to: "+393331234567", text: "hi" },
    });
  });

  it("lists with an encoded query and unwraps the messages", async () => {
    const s = stub(() => json({ messages: [message()] }));
    const sms = createSmsClient({ baseUrl: "http://sms.test", fetch: s.fetch });
    const list = await sms.list({ to: "+393331234567", since: new Date("2026-03-02T09:00:00Z"), limit: 5 });
    expect(list).toHaveLength(1);
    expect(s.seen[0]?.url).toBe(
      "http://sms.test/api/v1/messages?to=%2B393331234567&since=2026-03-02T09%3A00%3A00.000Z&limit=5",
    );
  });

  it("gets one message and clears one number", async () => {
    const s = stub((seen) =>
      seen.method === "DELETE" ? new Response(null, { status: 204 }) : json(message()),
    );
    const sms = createSmsClient({ baseUrl: "http://sms.test", fetch: s.fetch });
    expect((await sms.get("sms_0123456789abcdef0123")).status).toBe("delivered");
    await sms.clear({ to: "+393331234567" });
    expect(s.seen[1]).toMatchObject({
      method: "DELETE",
      url: "http://sms.test/api/v1/messages?to=%2B393331234567",
    });
  });

  it("throws SmsClientError with the status and the problem code", async () => {
    const s = stub(() =>
      json(
        {
          type: "x",
          title: "No such message",
          status: 404,
          detail: "No message has this id.",
          code: "message-not-found",
        },
        404,
      ),
    );
    const sms = createSmsClient({ baseUrl: "http://sms.test", fetch: s.fetch });
    const error = await sms.get("sms_nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsClientError);
    expect(error).toMatchObject({ status: 404, code: "message-not-found" });
  });

  it("gives a fault's answer, which is not problem+json, the code http-<status>", async () => {
    const s = stub(() => json({ error: "simulated gateway fault", status: 503 }, 503));
    const sms = createSmsClient({ baseUrl: "http://sms.test", fetch: s.fetch });
    await expect(sms.send({ to: "+393331234567", text: "x" })).rejects.toMatchObject({
      status: 503,
      code: "http-503",
    });
  });

  it("waits until a matching message arrives", async () => {
    let calls = 0;
    const s = stub(() => {
      calls++;
      return json({
        messages: calls < 3 ? [] : [message({ status: "queued" }), message({ id: "sms_older" })],
      });
    });
    const sms = createSmsClient({ baseUrl: "http://sms.test", fetch: s.fetch });
    const found = await sms.waitForMessage({
      to: "+393331234567",
      status: "delivered",
      intervalMs: 1,
      timeoutMs: 1000,
    });
    expect(found.id).toBe("sms_older");
    await expect(
      sms.waitForMessage({ to: "+39", match: () => false, intervalMs: 1, timeoutMs: 20 }),
    ).rejects.toMatchObject({
      status: 408,
      code: "wait-timed-out",
    });
  });
});

describe("findSecret", () => {
  it("reads the value after its label, up to the next white space", () => {
    const text = "INPS: Prima parte del PIN: AB12CD34 valida 90 giorni.\nCodice di verifica:  123456";
    expect(findSecret(text, "Prima parte del PIN")).toBe("AB12CD34");
    expect(findSecret(text, "Codice di verifica")).toBe("123456");
    expect(findSecret(text, "Seconda parte del PIN")).toBeUndefined();
    expect(findSecret("Link di ripristino: https://x.test/r?a=1&b=2 ora", "Link di ripristino")).toBe(
      "https://x.test/r?a=1&b=2",
    );
  });
});
