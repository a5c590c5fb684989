import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  createLogger,
  createServiceApp,
  guardGatewayApi,
  FaultInjector,
  loggablePath,
} from "../src/index.ts";

function appLoggingAt(level: string, maxBodyBytes = 16) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = createServiceApp({
    logger: createLogger({ service: "kit-test", level, destination }),
    maxBodyBytes,
  });
  app.get("/quiet", (c) => c.text("ok"));
  app.get("/chatty", (c) => {
    c.get("log").info({ pin: "AB12CD34" }, "something happened");
    c.get("log").child({ step: 2 }).warn("and then this");
    return c.text("ok");
  });
  guardGatewayApi(app, { faults: new FaultInjector("seed") });
  app.post("/api/v1/things", async (c) => c.json(await c.req.json(), 201));
  return { app, lines };
}

describe("request logging", () => {
  it("puts the request id on every line a handler writes, children included, and redacts secrets", async () => {
    const { app, lines } = appLoggingAt("info");
    const res = await app.request("/chatty", { headers: { "x-request-id": "req-42" } });
    expect(res.headers.get("x-request-id")).toBe("req-42");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["something happened", "req-42"],
      ["and then this", "req-42"],
    ]);
    expect(lines[0]!.pin).toBe("[redacted]");
    expect(lines[1]!.step).toBe(2);
  });

  it("writes the access line at debug, with the request id, and nothing at info", async () => {
    const debug = appLoggingAt("debug");
    await debug.app.request("/quiet", { headers: { "x-request-id": "req-7" } });
    expect(debug.lines).toMatchObject([{ msg: "request", requestId: "req-7", path: "/quiet", status: 200 }]);
    const info = appLoggingAt("info");
    await info.app.request("/quiet");
    expect(info.lines).toEqual([]);
  });
});

describe("body limit", () => {
  it("refuses a declared length over the limit before reading the body", async () => {
    const { app } = appLoggingAt("silent");
    const res = await app.request("/api/v1/things", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "17" },
      body: JSON.stringify({ a: "0123456789" }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "too-large" });
  });

  it("stops a chunked body without Content-Length at the limit", async () => {
    const { app } = appLoggingAt("silent");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled > 1024 * 1024) return controller.close();
        pulled += 8;
        controller.enqueue(new TextEncoder().encode('{"a":"0"'));
      },
    });
    const res = await app.request("/api/v1/things", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "too-large" });
    expect(pulled).toBeLessThanOrEqual(32);
  });

  it("lets a body within the limit through", async () => {
    const { app } = appLoggingAt("silent");
    const body = JSON.stringify({ a: "01234" });
    const res = await app.request("/api/v1/things", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ a: "01234" });
  });
});

describe("the input rule: text the database cannot store", () => {
  function app() {
    const a = appLoggingAt("silent", 64 * 1024).app;
    a.get("/things/:thingId", (c) => c.text(c.req.param("thingId")));
    return a;
  }
  const refusal = async (res: Response) => {
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe("validation-failed");
    return body.errors.map((e) => e.path);
  };

  it("names a path parameter after the route", async () => {
    expect(await refusal(await app().request("/things/a%00b"))).toEqual(["path.thingId"]);
  });

  it("names a query parameter", async () => {
    expect(await refusal(await app().request("/quiet?name=x%00"))).toEqual(["query.name"]);
  });

  it("names nested JSON fields and keys, whatever the content type says", async () => {
    const body = '{"a":{"b":["ok","x\\u0000"]},"c\\ud800":1,"d":"\\udc00"}';
    const res = await app().request("/api/v1/things", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body,
    });
    expect(await refusal(res)).toEqual(["a.b.1", "c\ud800", "d"]);
  });

  it("checks form fields", async () => {
    const res = await app().request("/api/v1/things", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "name=a%00b",
    });
    expect(await refusal(res)).toEqual(["name"]);
  });

  it("lets well-formed text through, surrogate pairs included, and the handler reads the same body", async () => {
    const res = await app().request("/api/v1/things", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"a":"\\ud83d\\ude00 è"}',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ a: "😀 è" });
  });
});

describe("loggablePath", () => {
  it("masks a bearer token in a path and keeps the words of a route", () => {
    expect(loggablePath("/api/v1/recoveries/rip_Zx81kQ-aaBBccDDeeFFggHHiiJJkkLLmmNNooPPqq0/confirm")).toBe(
      "/api/v1/recoveries/rip_…/confirm",
    );
    expect(loggablePath("/api/v1/services/contribution-statement")).toBe(
      "/api/v1/services/contribution-statement",
    );
    expect(loggablePath("/api/v1/operator/citizens/RSSMRA80A01H501U/events")).toBe(
      "/api/v1/operator/citizens/RSSMRA80A01H501U/events",
    );
  });
});
