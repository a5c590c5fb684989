// GET /__sim/stack tells a suite where the gateways are, behind the admin token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.url);
});
afterAll(() => tb.close());

describe("GET /__sim/stack", () => {
  it("lists every service as the stack reaches it, the identity service as the caller did", async () => {
    const res = await tb.sim("GET", "/stack");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      services: {
        identity: "http://localhost",
        sms: "http://sms.test:4010",
        mail: { http: "http://mail.test:8025", smtp: "smtp://mail.test:1025" },
        postal: "http://postal.test:4030",
        portal: null,
      },
    });
  });

  it("is refused without the admin token", async () => {
    const res = await tb.call("GET", "/__sim/stack");
    expect(res.status).toBe(401);
  });
});
