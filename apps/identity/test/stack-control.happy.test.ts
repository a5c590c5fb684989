// The identity service speaks for the stack's clock: a move is forwarded to the control plane of each gateway that
// keeps a clock of its own (under compose), and to none that shares the identity service's (the embedded stack).
import { createLogger } from "@inps-sim/service-kit";
import { describe, expect, it } from "vitest";
import { createStackControl } from "../src/stack-control.ts";

describe("stack control", () => {
  it("forwards a clock move only to the gateways that keep their own clock; a reset to every gateway", async () => {
    const asked: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      asked.push(String(url));
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    const control = createStackControl({
      gateways: [
        { name: "sms", url: "http://sms.test", sharesClock: true },
        { name: "mail", url: "http://mail.test" },
      ],
      token: "t",
      logger: createLogger({ service: "test", level: "silent" }),
      fetch: fakeFetch,
    });
    expect(await control.syncClocks(new Date("2026-05-04T10:00:00Z"))).toEqual({ sms: "ok", mail: "ok" });
    expect(asked).toEqual(["http://mail.test/__sim/clock"]);
    asked.length = 0;
    await control.reset();
    expect(asked.sort()).toEqual(["http://mail.test/__sim/reset", "http://sms.test/__sim/reset"]);
  });
});
