// A body over the identity service's 64 KiB is refused with 413 too-large before it is read, whether its length
// is declared or it arrives chunked without one (the probe's 200 MB PIN request was read whole before a 400).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, requestBody, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

const LIMIT = 64 * 1024;

function chunked(totalBytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new TextEncoder().encode(`{"firstName":"${"x".repeat(8 * 1024)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe("request body limit of the identity service", () => {
  it("refuses a declared length over 64 KiB with 413 too-large", async () => {
    const body = JSON.stringify({ ...requestBody(tb.persona()), firstName: "x".repeat(LIMIT) });
    const res = await tb.call("POST", "/api/v1/pin-requests", body, {
      "content-length": String(Buffer.byteLength(body)),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "too-large", status: 413 });
  });

  it("stops reading a chunked body at the limit", async () => {
    const { stream, pulled } = chunked(50 * 1024 * 1024);
    const res = await tb.app.request("/api/v1/pin-requests", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "too-large" });
    expect(pulled()).toBeLessThan(LIMIT + 64 * 1024);
  });

  it("still reads a body within the limit", async () => {
    const res = await tb.call("POST", "/api/v1/pin-requests", requestBody(tb.persona()));
    expect(res.status).toBe(202);
  });
});
