// GET /__sim/stack tells a suite where the gateways are, behind the admin token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIdentityConfig } from "../src/config.ts";
import { stackDirectory } from "../src/sim/sim-stack.ts";
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

describe("the directory the settings give", () => {
  const internal = {
    SIM_ADMIN_TOKEN: "admin-token-for-tests",
    SMS_URL: "http://sms:4010",
    MAIL_URL: "http://mail:8025",
    SMTP_HOST: "mail",
    SMTP_PORT: "1025",
    POSTAL_URL: "http://postal:4030",
  };

  it("is where this service reaches the gateways when no public address is set", () => {
    const directory = stackDirectory(readIdentityConfig(internal));
    expect(directory).toMatchObject({
      sms: "http://sms:4010",
      mail: { http: "http://mail:8025", smtp: "smtp://mail:1025" },
      postal: "http://postal:4030",
    });
  });

  it("is the public addresses when set (under docker compose, the ports published on the host)", () => {
    const directory = stackDirectory(
      readIdentityConfig({
        ...internal,
        SMS_PUBLIC_URL: "http://localhost:4010",
        MAIL_PUBLIC_URL: "http://localhost:8025",
        SMTP_PUBLIC_URL: "smtp://localhost:1025",
        POSTAL_PUBLIC_URL: "http://localhost:4030",
      }),
    );
    expect(directory).toMatchObject({
      sms: "http://localhost:4010",
      mail: { http: "http://localhost:8025", smtp: "smtp://localhost:1025" },
      postal: "http://localhost:4030",
    });
  });

  it("refuses a public SMTP address that is not smtp://host:port, naming the variable", () => {
    expect(() => readIdentityConfig({ ...internal, SMTP_PUBLIC_URL: "localhost:1025" })).toThrow(
      /SMTP_PUBLIC_URL/,
    );
  });
});
