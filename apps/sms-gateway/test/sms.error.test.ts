import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SmsMessage } from "../src/messages/messages.store.ts";
import { body, createTestbed, mobile, type Testbed } from "./support.ts";

const reports: unknown[] = [];
let t: Testbed;
beforeAll(async () => {
  t = await createTestbed({
    fetch: async (_input, init) => {
      reports.push(JSON.parse(String(init?.body)));
      return new Response(null, { status: 204 });
    },
  });
});
afterAll(async () => {
  await t?.close();
});
afterEach(async () => {
  await t.sim("DELETE", "/faults");
});

const send = (payload: unknown, headers?: Record<string, string>) =>
  t.call("POST", "/api/v1/messages", payload, headers);

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const problem = await body(res);
  expect(problem).toMatchObject({ status, code });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
  return problem;
}

describe("malformed input is a 400 validation-failed, never a 5xx", () => {
  it("refuses a text with a lone surrogate (not silently changed), while one sent at the same time is taken", async () => {
    const to = mobile();
    const [odd, plain] = await Promise.all([
      send(`{"to":"${to}","text":"rotto \\ud800 qui"}`),
      send({ to, text: "normale" }),
    ]);
    expect([odd.status, plain.status]).toEqual([400, 202]);
    expect(await body(odd)).toMatchObject({ code: "validation-failed", errors: [{ path: "text" }] });
    const stored = await body<{ messages: SmsMessage[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(stored.messages.map((m) => m.text)).toEqual(["normale"]);
  });

  it.each([
    ["not JSON", "{to:"],
    ["an array", [1, 2]],
    ["null", "null"],
    ["no text", { to: "+393331234567" }],
    ["no recipient", { text: "hi" }],
    ["an empty text", { to: "+393331234567", text: "" }],
    ["a text too long", { to: "+393331234567", text: "x".repeat(1601) }],
    ["a NUL in the text", { to: "+393331234567", text: "a\u0000b" }],
    ["a number as text", { to: "+393331234567", text: 42 }],
    ["a control character in the number", { to: "+39333\n1234567", text: "x" }],
    ["a sender too long", { to: "+393331234567", from: "INPS-PIN-SENDER", text: "x" }],
    ["an unknown field", { to: "+393331234567", text: "x", priority: "high" }],
    [
      "a callback that is not http(s)",
      { to: "+393331234567", text: "x", statusCallback: "file:///etc/passwd" },
    ],
    ["a callback that is not a URL", { to: "+393331234567", text: "x", statusCallback: "later" }],
  ])("%s", async (_name, payload) => {
    const problem = await expectProblem(await send(payload), 400, "validation-failed");
    expect(problem).toHaveProperty("errors");
  });

  it.each([["limit=0"], ["limit=abc"], ["limit=100000"], ["since=yesterday"], [`to=${"9".repeat(40)}`]])(
    "a list query with %s",
    async (query) => {
      await expectProblem(await t.call("GET", `/api/v1/messages?${query}`), 400, "validation-failed");
    },
  );

  it("an unknown message is 404 message-not-found", async () => {
    await expectProblem(
      await t.call("GET", "/api/v1/messages/sms_00000000000000000000"),
      404,
      "message-not-found",
    );
    await expectProblem(await t.call("GET", "/api/v1/messages/whatever"), 404, "message-not-found");
  });

  it("an unknown path is 404 not-found", async () => {
    await expectProblem(await t.call("GET", "/api/v1/nothing-here"), 404, "not-found");
  });

  it("a clock set backwards is 409 clock-backwards", async () => {
    await expectProblem(
      await t.sim("POST", "/clock", { setTo: "2020-01-01T00:00:00Z" }),
      409,
      "clock-backwards",
    );
    await expectProblem(await t.sim("POST", "/clock", { advanceBy: "soon" }), 400, "validation-failed");
  });

  it("a fault spec that makes no sense is refused", async () => {
    await expectProblem(await t.sim("PUT", "/faults", { mode: "explode" }), 400, "validation-failed");
    await expectProblem(
      await t.sim("PUT", "/faults", { mode: "error", status: 200 }),
      400,
      "validation-failed",
    );
  });
});

describe("faults", () => {
  it("error answers with the status, only `count` times", async () => {
    expect((await t.sim("PUT", "/faults", { mode: "error", status: 503, count: 2 })).status).toBe(200);
    expect((await send({ to: mobile(), text: "x" })).status).toBe(503);
    expect((await t.call("GET", "/api/v1/messages")).status).toBe(503);
    expect((await send({ to: mobile(), text: "x" })).status).toBe(202);
    expect(await body(await t.sim("GET", "/faults"))).toMatchObject({ remaining: 0, hits: 2 });
  });

  it("error with probability hits some requests, the same ones for the same seed", async () => {
    await t.sim("PUT", "/faults", { mode: "error", status: 500, probability: 0.5 });
    const first: number[] = [];
    for (let i = 0; i < 20; i++) first.push((await t.call("GET", "/api/v1/messages?limit=1")).status);
    expect(first).toContain(500);
    expect(first).toContain(200);
    await t.sim("PUT", "/faults", { mode: "error", status: 500, probability: 0.5 });
    const again: number[] = [];
    for (let i = 0; i < 20; i++) again.push((await t.call("GET", "/api/v1/messages?limit=1")).status);
    expect(again.filter((s) => s === 500).length).toBeGreaterThan(0);
  });

  it("a rejected send creates nothing", async () => {
    const to = mobile();
    await t.sim("PUT", "/faults", { mode: "error", status: 503, count: 1 });
    expect((await send({ to, text: "x" }, { "idempotency-key": "fault-1" })).status).toBe(503);
    const list = await body<{ messages: unknown[] }>(
      await t.call("GET", `/api/v1/messages?to=${encodeURIComponent(to)}`),
    );
    expect(list.messages).toHaveLength(0);
    // The retry with the same key is served for real.
    expect((await send({ to, text: "x" }, { "idempotency-key": "fault-1" })).status).toBe(202);
  });

  it("timeout holds the request until the fault is lifted, then answers 504", async () => {
    await t.sim("PUT", "/faults", { mode: "timeout" });
    let settled = false;
    const pending = send({ to: mobile(), text: "x" }).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    await t.sim("DELETE", "/faults");
    expect((await pending).status).toBe(504);
  });

  it("drop accepts the message and never delivers it, nor reports it", async () => {
    reports.length = 0;
    const to = mobile();
    await t.sim("PUT", "/faults", { mode: "drop", count: 1 });
    const res = await send({ to, text: "lost", statusCallback: "http://receiver.test/dlr" });
    expect(res.status).toBe(202);
    const { id } = await body<{ id: string; status: string }>(res);
    await t.sim("POST", "/clock", { advanceBy: "P1D" });
    const m = await body<SmsMessage>(await t.call("GET", `/api/v1/messages/${id}`));
    expect(m.status).toBe("queued");
    expect(reports).toHaveLength(0);
  });

  it("faults never touch the control plane, the inbox page or /health", async () => {
    await t.sim("PUT", "/faults", { mode: "error", status: 500 });
    expect((await t.call("GET", "/")).status).toBe(200);
    expect((await t.call("GET", "/health")).status).toBe(200);
    expect((await t.sim("GET", "/clock")).status).toBe(200);
  });

  it("reset also lifts the fault", async () => {
    await t.sim("PUT", "/faults", { mode: "error", status: 500 });
    await t.sim("POST", "/reset");
    expect((await t.call("GET", "/api/v1/messages")).status).toBe(200);
  });
});

describe("delivery reports to a receiver that is down", () => {
  it("gives up after the last attempt of the schedule", async () => {
    const failing = await createTestbed({
      settings: { SMS_CALLBACK_BACKOFF: ["PT1M", "PT2M"] },
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    try {
      const { id } = await body<{ id: string }>(
        await failing.call("POST", "/api/v1/messages", {
          to: mobile(),
          text: "x",
          statusCallback: "http://down.test/",
        }),
      );
      for (const by of ["PT5S", "PT1M", "PT2M", "PT1H"])
        await failing.sim("POST", "/clock", { advanceBy: by });
      const { messages } = await import("../src/db/schema.ts");
      const { eq } = await import("drizzle-orm");
      const [row] = await failing.handle.db.select().from(messages).where(eq(messages.id, id));
      expect(row).toMatchObject({
        callbackState: "gave-up",
        callbackAttempts: 3,
        callbackLastError: "fetch failed",
      });
      // The message itself is delivered all the same.
      expect((await body<SmsMessage>(await failing.call("GET", `/api/v1/messages/${id}`))).status).toBe(
        "delivered",
      );
    } finally {
      await failing.close();
    }
  });
});
