import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMS_MAX_BODY_BYTES } from "../src/app.ts";
import { body, createTestbed, mobile, TOKEN, type Testbed } from "./support.ts";

let t: Testbed;
beforeAll(async () => {
  t = await createTestbed();
});
afterAll(async () => {
  await t?.close();
});

describe("control plane", () => {
  it.each([
    ["GET", "/__sim/clock"],
    ["POST", "/__sim/clock"],
    ["POST", "/__sim/reset"],
    ["PUT", "/__sim/faults"],
    ["DELETE", "/__sim/faults"],
  ])("%s %s is refused without the token", async (method, path) => {
    const res = await t.call(
      method,
      path,
      method === "GET" || method === "DELETE" ? undefined : { advanceBy: "P1D" },
    );
    expect(res.status).toBe(401);
    expect(await body(res)).toMatchObject({ code: "unauthenticated" });
  });

  it("is refused with a wrong token or another scheme", async () => {
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      "Bearer ",
    ]) {
      expect((await t.call("POST", "/__sim/reset", undefined, { authorization })).status).toBe(401);
    }
  });

  it("a refused reset deletes nothing", async () => {
    const to = mobile();
    await t.call("POST", "/api/v1/messages", { to, text: "keep me" });
    await t.call("POST", "/__sim/reset");
    const list = await body<{ messages: unknown[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(list.messages).toHaveLength(1);
  });

  it("does not exist when SIM_CONTROL is off", async () => {
    const off = await createTestbed({ adminToken: null });
    try {
      const res = await off.call("POST", "/__sim/reset", undefined, { authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe("ids and paths", () => {
  it.each([
    "..%2F..%2Fetc%2Fpasswd",
    "..%5C..%5Cwindows",
    "%2e%2e",
    "SMS_0123456789ABCDEF0123",
    "x".repeat(5000),
    "1'%20or%20'1'='1",
  ])("GET /api/v1/messages/%s is a plain 404", async (id) => {
    const res = await t.call("GET", `/api/v1/messages/${id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("a traversal in the path never reaches outside the API", async () => {
    const res = await t.call("GET", "/api/v1/messages/../../__sim/clock");
    expect(res.status).not.toBe(200);
  });
});

describe("size limits", () => {
  it("refuses a body over the limit with 413 too-large", async () => {
    const big = JSON.stringify({ to: "+393331234567", text: "x".repeat(SMS_MAX_BODY_BYTES) });
    const res = await t.call("POST", "/api/v1/messages", big, {
      "content-length": String(Buffer.byteLength(big)),
    });
    expect(res.status).toBe(413);
    expect(await body(res)).toMatchObject({ code: "too-large" });
  });

  it("refuses an oversized body sent without a length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(8 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 10) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await t.app.request("/api/v1/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("refuses a malformed Idempotency-Key", async () => {
    for (const key of ["x".repeat(256), "with space", "àccent"]) {
      const res = await t.call(
        "POST",
        "/api/v1/messages",
        { to: mobile(), text: "x" },
        { "idempotency-key": key },
      );
      expect(res.status).toBe(400);
    }
  });
});

describe("what leaves the gateway", () => {
  it("escapes message text and numbers in the inbox page", async () => {
    const to = mobile();
    await t.call("POST", "/api/v1/messages", {
      to,
      text: '<script>alert("x")</script><img src=x onerror=alert(1)>',
    });
    const html = await (await t.call("GET", `/inbox?to=${encodeURIComponent(to)}`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
    const injected = await (
      await t.call("GET", `/inbox?to=${encodeURIComponent('"><script>x</script>')}`)
    ).text();
    expect(injected).not.toContain("<script>x");
  });

  it("never writes a message's text to the log", async () => {
    t.logs.length = 0;
    await t.call("POST", "/api/v1/messages", { to: mobile(), text: "Prima parte del PIN: SECRET42" });
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join("")).not.toContain("SECRET42");
  });

  it("echoes a request id on every answer, errors included", async () => {
    const res = await t.call("GET", "/api/v1/messages/nope", undefined, { "x-request-id": "req-123" });
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expect(await body(res)).toMatchObject({ requestId: "req-123" });
  });
});
