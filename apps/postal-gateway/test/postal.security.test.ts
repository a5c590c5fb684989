import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTAL_MAX_BODY_BYTES } from "../src/app.ts";
import { body, createTestbed, recipient, TOKEN, type Testbed } from "./support.ts";

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
      method === "POST" || method === "PUT" ? { advanceBy: "P1D" } : undefined,
    );
    expect(res.status).toBe(401);
    expect(await body(res)).toMatchObject({ code: "unauthenticated" });
  });

  it("is refused with a wrong token", async () => {
    for (const authorization of [`Bearer ${TOKEN}0`, `bearer ${TOKEN}`, TOKEN]) {
      expect((await t.call("POST", "/__sim/reset", undefined, { authorization })).status).toBe(401);
    }
  });

  it("does not exist when SIM_CONTROL is off", async () => {
    const off = await createTestbed({ adminToken: null });
    try {
      expect(
        (await off.call("GET", "/__sim/clock", undefined, { authorization: `Bearer ${TOKEN}` })).status,
      ).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe("ids and paths", () => {
  it.each([
    "..%2F..%2Fetc%2Fpasswd",
    "..%2F..%2Fetc%2Fpasswd.pdf",
    "ltr_0123456789abcdef0123%2F..",
    "%2e%2e.pdf",
    "LTR_0123456789ABCDEF0123",
    `${"a".repeat(4000)}.pdf`,
    "ltr_0123456789abcdef0123.pdf.pdf",
  ])("GET /api/v1/letters/%s is a plain 404", async (id) => {
    const res = await t.call("GET", `/api/v1/letters/${id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("size limits", () => {
  it("refuses a body over the limit with 413 too-large", async () => {
    const big = JSON.stringify({
      recipient: recipient(),
      service: "ordinaria",
      body: "x".repeat(POSTAL_MAX_BODY_BYTES),
    });
    const res = await t.call("POST", "/api/v1/letters", big, {
      "content-length": String(Buffer.byteLength(big)),
    });
    expect(res.status).toBe(413);
    expect(await body(res)).toMatchObject({ code: "too-large" });
  });

  it("refuses a malformed Idempotency-Key", async () => {
    const res = await t.call(
      "POST",
      "/api/v1/letters",
      { recipient: recipient(), service: "ordinaria", body: "x" },
      { "idempotency-key": "a b" },
    );
    expect(res.status).toBe(400);
  });
});

describe("what leaves the gateway", () => {
  it("escapes names, addresses and bodies in the mailbox page", async () => {
    const evil = '<script>alert("x")</script>';
    const to = recipient({ name: `Mallory ${evil}`, street: `Via <img src=x onerror=alert(1)>` });
    await t.call("POST", "/api/v1/letters", {
      recipient: to,
      service: "ordinaria",
      subject: evil,
      body: evil,
    });
    const html = await (await t.call("GET", `/mailbox?name=${encodeURIComponent(to.name)}`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
    const reflected = await (await t.call("GET", `/mailbox?name=${encodeURIComponent(evil)}`)).text();
    expect(reflected).not.toContain("<script>alert");
  });

  it("never writes a letter's body to the log", async () => {
    t.logs.length = 0;
    await t.call("POST", "/api/v1/letters", {
      recipient: recipient(),
      service: "ordinaria",
      body: "Seconda parte del PIN: TOPSECRET",
    });
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join("")).not.toContain("TOPSECRET");
  });
});
