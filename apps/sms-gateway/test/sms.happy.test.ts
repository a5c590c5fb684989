import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSegments } from "../src/messages/segments.ts";
import type { SmsMessage } from "../src/messages/messages.store.ts";
import { body, createTestbed, mobile, type Testbed } from "./support.ts";

interface Report {
  url: string;
  body: Record<string, unknown>;
}
const reports: Report[] = [];
let receiverStatus = 204;
const fakeFetch: typeof fetch = async (input, init) => {
  reports.push({ url: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
  return new Response(null, { status: receiverStatus });
};

let t: Testbed;
beforeAll(async () => {
  t = await createTestbed({ fetch: fakeFetch });
});
afterAll(async () => {
  await t?.close();
});

const send = (payload: Record<string, unknown>, headers?: Record<string, string>) =>
  t.call("POST", "/api/v1/messages", payload, headers);
const advance = (by: string) => t.sim("POST", "/clock", { advanceBy: by });

describe("sending and delivering", () => {
  it("accepts a message as queued and delivers it after the latency, in simulated time", async () => {
    const to = mobile();
    const res = await send({ to, text: "Prima parte del PIN: AB12CD34" });
    expect(res.status).toBe(202);
    const accepted = await body<{ id: string; status: string }>(res);
    expect(accepted.status).toBe("queued");
    expect(accepted.id).toMatch(/^sms_[0-9a-f]{20}$/);
    expect(res.headers.get("location")).toBe(`/api/v1/messages/${accepted.id}`);

    const queued = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${accepted.id}`));
    expect(queued).toMatchObject({
      to,
      from: "INPS",
      status: "queued",
      deliveredAt: null,
      encoding: "GSM-7",
      segments: 1,
    });

    expect((await advance("PT5S")).status).toBe(200);
    const delivered = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${accepted.id}`));
    expect(delivered.status).toBe("delivered");
    expect(Date.parse(delivered.deliveredAt ?? "") - Date.parse(delivered.createdAt)).toBe(5000);
  });

  it("keeps a given sender and reports a foreign mobile as deliverable", async () => {
    const res = await send({ to: "+4915123456789", from: "INPS-PIN", text: "hello" });
    const { id } = await body<{ id: string }>(res);
    await advance("PT10S");
    const m = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${id}`));
    expect(m).toMatchObject({ from: "INPS-PIN", status: "delivered", failureReason: null });
  });

  it.each([
    ["+390612345678", "landline"],
    ["3331234567", "malformed-number"],
    ["+39 333 123 4567", "malformed-number"],
    ["+3933", "invalid-number"],
    ["+39800123456", "not-a-mobile"],
  ])("a message to %s ends failed (%s)", async (to, reason) => {
    const { id } = await body<{ id: string; status: string }>(
      await send({ to, text: "Codice di verifica: 123456" }),
    );
    await advance("PT5S");
    const m = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${id}`));
    expect(m.status).toBe("failed");
    expect(m.failureReason).toBe(reason);
    expect(m.failedAt).not.toBeNull();
    expect(m.deliveredAt).toBeNull();
  });
});

describe("listing", () => {
  it("lists newest first, filtered by number, since and limit", async () => {
    const to = mobile();
    const other = mobile();
    for (const text of ["one", "two", "three"]) {
      await send({ to, text });
      await advance("PT1S");
    }
    await send({ to: other, text: "elsewhere" });
    const all = await body<{ messages: SmsMessage[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(all.messages.map((m) => m.text)).toEqual(["three", "two", "one"]);
    expect(all.messages[0]).toHaveProperty("createdAt");

    const limited = await body<{ messages: SmsMessage[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}&limit=2`),
    );
    expect(limited.messages.map((m) => m.text)).toEqual(["three", "two"]);

    const since = all.messages[1]?.createdAt ?? "";
    const recent = await body<{ messages: SmsMessage[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}&since=${encodeURIComponent(since)}`),
    );
    expect(recent.messages.map((m) => m.text)).toEqual(["three", "two"]);

    // An unencoded "+" arrives as a space: the filter still finds the number.
    const plain = await body<{ messages: SmsMessage[] }>(await t.call("GET", `/api/v1/messages?to=${to}`));
    expect(plain.messages).toHaveLength(3);
  });

  it("clears one number's messages, then all", async () => {
    const a = mobile();
    const b = mobile();
    await send({ to: a, text: "a" });
    await send({ to: b, text: "b" });
    expect((await t.call("DELETE", `/api/v1/messages?to=${encodeURIComponent(a)}`)).status).toBe(204);
    const left = (n: string) =>
      t
        .call("GET", `/api/v1/messages?to=${encodeURIComponent(n)}`)
        .then((r) => body<{ messages: unknown[] }>(r));
    expect((await left(a)).messages).toHaveLength(0);
    expect((await left(b)).messages).toHaveLength(1);
    expect((await t.call("DELETE", "/api/v1/messages")).status).toBe(204);
    expect((await left(b)).messages).toHaveLength(0);
  });
});

describe("Idempotency-Key", () => {
  it("stores every one of many messages sent at once, each once (they share a write)", async () => {
    const to = mobile();
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) => send({ to, text: `Codice di verifica: ${100000 + i}` })),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(40).fill(202));
    const ids = await Promise.all(sent.map(async (r) => (await body<{ id: string }>(r)).id));
    expect(new Set(ids).size).toBe(40);
    const list = await body<{ messages: SmsMessage[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(list.messages.map((m) => m.id).sort()).toEqual([...ids].sort());
  });

  it("with keys and without, sent at once: one message per key, every keyless one stored", async () => {
    const to = mobile();
    const sent = await Promise.all([
      send({ to, text: "a" }, { "idempotency-key": "mix-a" }),
      send({ to, text: "b" }),
      send({ to, text: "a" }, { "idempotency-key": "mix-a" }),
      send({ to, text: "c" }, { "idempotency-key": "mix-c" }),
      send({ to, text: "b" }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    const [a1, , a2] = await Promise.all(sent.map((r) => body<{ id: string }>(r)));
    expect(a2).toEqual(a1);
    const list = await body<{ messages: SmsMessage[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(list.messages.map((m) => m.text).sort()).toEqual(["a", "b", "b", "c"]);
  });

  it("returns the first answer to a retry and creates nothing new", async () => {
    const to = mobile();
    const first = await send({ to, text: "Codice di verifica: 111111" }, { "idempotency-key": "retry-me-1" });
    const second = await send(
      { to, text: "Codice di verifica: 111111" },
      { "idempotency-key": "retry-me-1" },
    );
    expect(second.status).toBe(202);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await body(second)).toEqual(await body(first));
    const list = await body<{ messages: unknown[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(list.messages).toHaveLength(1);
  });

  it("creates one message when the same key arrives twice at once", async () => {
    const to = mobile();
    const [a, b] = await Promise.all([
      send({ to, text: "concurrent" }, { "idempotency-key": "race-1" }),
      send({ to, text: "concurrent" }, { "idempotency-key": "race-1" }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([202, 202]);
    const list = await body<{ messages: unknown[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(list.messages).toHaveLength(1);
  });

  it("refuses the same key with another body", async () => {
    const to = mobile();
    await send({ to, text: "first" }, { "idempotency-key": "reused-1" });
    const res = await send({ to, text: "second" }, { "idempotency-key": "reused-1" });
    expect(res.status).toBe(422);
    expect(await body(res)).toMatchObject({ code: "idempotency-key-reused" });
  });
});

describe("segments", () => {
  it("counts GSM-7 texts in parts of 160, then 153", () => {
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1, units: 160 });
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("a".repeat(306)).segments).toBe(2);
    expect(countSegments("a".repeat(307)).segments).toBe(3);
    expect(countSegments("àèéìòù ÄÖÑÜ").encoding).toBe("GSM-7");
  });

  it("counts extension characters twice and never splits them", () => {
    expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", segments: 1, units: 160 });
    expect(countSegments("€".repeat(81)).segments).toBe(2);
    // 152 septets then a two-septet character: it moves whole to the next part.
    expect(countSegments("a".repeat(152) + "€" + "a".repeat(10)).segments).toBe(2);
    expect(countSegments("a".repeat(152) + "€".repeat(77)).segments).toBe(3);
  });

  it("counts UCS-2 texts in parts of 70, then 67", () => {
    expect(countSegments("ç".repeat(70))).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(countSegments("ç".repeat(71)).segments).toBe(2);
    expect(countSegments("ç".repeat(134)).segments).toBe(2);
    expect(countSegments("ç".repeat(135)).segments).toBe(3);
    // An emoji is a surrogate pair: two units, never split across parts.
    expect(countSegments("😀".repeat(35))).toMatchObject({ encoding: "UCS-2", segments: 1, units: 70 });
    expect(countSegments("a" + "😀".repeat(35)).segments).toBe(2);
  });

  it("reports encoding and segments on the message", async () => {
    const { id } = await body<{ id: string }>(await send({ to: mobile(), text: "Ciao 😀 ".repeat(20) }));
    const m = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${id}`));
    expect(m).toMatchObject({ encoding: "UCS-2", segments: 3 });
  });
});

describe("delivery reports", () => {
  it("posts a report when the message is delivered", async () => {
    reports.length = 0;
    receiverStatus = 204;
    const { id } = await body<{ id: string }>(
      await send({ to: mobile(), text: "with report", statusCallback: "http://receiver.test/dlr" }),
    );
    await t.callbacks.runDue();
    expect(reports).toHaveLength(0);
    await advance("PT5S");
    expect(reports).toEqual([
      {
        url: "http://receiver.test/dlr",
        body: expect.objectContaining({ id, status: "delivered", attempt: 1 }),
      },
    ]);
    await advance("PT1H");
    expect(reports).toHaveLength(1);
  });

  it("retries with backoff in simulated time until the receiver accepts", async () => {
    reports.length = 0;
    receiverStatus = 500;
    await send({ to: "+390612345678", text: "to a landline", statusCallback: "http://receiver.test/dlr" });
    await advance("PT5S");
    expect(reports).toHaveLength(1);
    expect(reports[0]?.body).toMatchObject({ status: "failed", failureReason: "landline", attempt: 1 });
    await advance("PT10S");
    expect(reports).toHaveLength(1);
    receiverStatus = 200;
    await advance("PT20S");
    expect(reports).toHaveLength(2);
    expect(reports[1]?.body).toMatchObject({ attempt: 2 });
    await advance("PT1H");
    expect(reports).toHaveLength(2);
  });
});

describe("inbox page and control plane", () => {
  it("shows one number's conversation, oldest first, escaped", async () => {
    const to = mobile();
    await send({ to, text: "Prima parte del PIN: XY12AB34" });
    await send({ to, text: "<b>second</b>" });
    const res = await t.call("GET", `/inbox?to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Prima parte del PIN: XY12AB34");
    expect(html).toContain("&lt;b&gt;second&lt;/b&gt;");
    expect(html.indexOf("XY12AB34")).toBeLessThan(html.indexOf("second&lt;"));
    expect((await t.call("GET", "/")).status).toBe(200);
  });

  it("speaks Italian and shows times as a clock in Rome shows them", async () => {
    const to = mobile();
    const sent = await body<{ id: string }>(
      await send({ to, from: "INPS", text: "Codice di verifica: 123456" }),
    );
    await advance("PT1M");
    const message = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${sent.id}`));
    // The test clock stays in March 2026, before summer time: Rome is UTC+1.
    const rome = new Date(Date.parse(message.createdAt) + 3_600_000);
    expect(rome.getUTCMonth()).toBe(2);
    const p = (n: number) => String(n).padStart(2, "0");
    const shown = `${p(rome.getUTCDate())}/${p(rome.getUTCMonth() + 1)}/${rome.getUTCFullYear()} ${p(rome.getUTCHours())}:${p(rome.getUTCMinutes())}`;
    // White space as a browser sees it: any run of it is one space.
    const html = (await (await t.call("GET", `/inbox?to=${encodeURIComponent(to)}`)).text()).replace(
      /\s+/g,
      " ",
    );
    expect(html).toContain(`da INPS · ${shown} · consegnato · GSM-7, 1 parte`);
    expect(html).toContain("SMS ricevuti");
    expect(html).toContain("tempo simulato");
    expect(html).not.toContain(message.createdAt);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const text = html.replace(/(href|class|id)="[^"]*"/g, "");
    for (const english of [
      /\bfrom\b/,
      /\bdelivered\b/,
      /\binbox\b/i,
      /\bNo messages\b/,
      /\bsimulated time\b/,
      /\bparts?\b/,
    ]) {
      expect(text).not.toMatch(english);
    }
  });

  it("publishes its API as OpenAPI and an offline reference page", async () => {
    const doc = await body<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await t.call("GET", "/openapi.json"),
    );
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/api/v1/messages"] ?? {}).sort()).toEqual(["delete", "get", "post"]);
    expect(doc.paths["/api/v1/messages/{id}"]).toHaveProperty("get");
    const page = await t.call("GET", "/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("reports health and the simulated clock", async () => {
    const res = await t.call("GET", "/health");
    expect(await body(res)).toMatchObject({ status: "ok", service: "sms-gateway" });
    const clock = await body<{ now: string }>(await t.sim("GET", "/clock"));
    expect(Date.parse(clock.now)).toBeGreaterThan(Date.parse("2026-03-02T09:00:00Z"));
  });

  it("forgets every message on reset", async () => {
    await send({ to: mobile(), text: "soon gone" });
    expect((await t.sim("POST", "/reset")).status).toBe(204);
    const list = await body<{ messages: unknown[] }>(await t.call("GET", "/api/v1/messages"));
    expect(list.messages).toHaveLength(0);
  });
});
