import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBanner, startStack, type RunningStack } from "../src/index.ts";

const quiet = { LOG_LEVEL: "silent", HASH_PROFILE: "fast" };
const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

describe("the embedded stack", () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ freePorts: true, env: quiet, simStart: new Date("2026-01-12T09:00:00Z") });
  }, 60_000);
  afterAll(() => stack.close());

  const urls = () => Object.values(stack.services).map((s) => s.urls.http!);

  it("runs the identity service and the three gateways, each answering /health on its own port", async () => {
    const ports = new Set(Object.values(stack.services).map((s) => s.ports.http));
    expect(ports.size).toBe(4);
    for (const url of urls()) {
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ status: "ok", database: { kind: "pglite" } });
    }
  });

  it("moves every service's clock when the identity service's clock moves", async () => {
    const res = await fetch(`${stack.services.identity.urls.http}/__sim/clock`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "P91D" }),
    });
    const { now } = (await json(res)) as { now: string };
    expect(now.startsWith("2026-04-13")).toBe(true);
    for (const url of urls()) {
      const health = (await json(await fetch(`${url}/health`))) as { now: string };
      // Simulated time flows on from the move: at or after it, by no more than this request took on a busy machine.
      const ahead = Date.parse(health.now) - Date.parse(now);
      expect(ahead).toBeGreaterThanOrEqual(-1_000);
      expect(ahead).toBeLessThan(60_000);
    }
  });

  it("shares one clock between the services of the process: a move on a gateway is the identity service's too", async () => {
    const identityNow = async () =>
      Date.parse(
        ((await json(await fetch(`${stack.services.identity.urls.http}/health`))) as { now: string }).now,
      );
    const before = await identityNow();
    const res = await fetch(`${stack.services.sms.urls.http}/__sim/clock`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "P7D" }),
    });
    expect(res.status).toBe(200);
    const { now } = (await json(res)) as { now: string };
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(Math.abs((await identityNow()) - Date.parse(now))).toBeLessThan(5_000);
    const postal = (await json(await fetch(`${stack.services.postal.urls.http}/health`))) as { now: string };
    expect(Math.abs(Date.parse(postal.now) - Date.parse(now))).toBeLessThan(5_000);
  });

  it("shares the clock with the mail gateway too: a move there is every service's", async () => {
    const nowOf = async (url: string | undefined) =>
      Date.parse(((await json(await fetch(`${url}/health`))) as { now: string }).now);
    const before = await nowOf(stack.services.identity.urls.http);
    const res = await fetch(`${stack.services.mail.urls.http}/__sim/clock`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "P3D" }),
    });
    expect(res.status).toBe(200);
    const { now } = (await json(res)) as { now: string };
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    for (const service of [stack.services.identity, stack.services.sms, stack.services.postal]) {
      expect(Math.abs((await nowOf(service.urls.http)) - Date.parse(now))).toBeLessThan(5_000);
    }
  });

  it("prints a banner with every URL and the admin token", () => {
    const banner = renderBanner(stack, { startupMs: 1234 });
    for (const url of urls()) expect(banner).toContain(url);
    expect(banner).toContain(stack.adminToken);
    expect(banner).toContain("up in 1.2 s");
    expect(banner).toContain(stack.portal.urls.http);
  });

  it("serves the citizen's portal over the stack's identity service", async () => {
    const home = await fetch(`${stack.portal.urls.http}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Accedi a MyINPS");
    // A login with an unknown citizen goes through the portal to the identity service and back, in Italian.
    const page = await fetch(`${stack.portal.urls.http}/accedi`);
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const res = await fetch(`${stack.portal.urls.http}/accedi`, {
      method: "POST",
      headers: {
        cookie,
        origin: stack.portal.urls.http!,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: csrf, fiscalCode: "RSSMRA85T10A562S", pin: "Sbagliat0" }).toString(),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Codice fiscale o PIN non corretti.");
  });

  it("generates an operator token when OPERATOR_TOKENS is unset, prints it, and the contact-centre API takes it", async () => {
    expect(stack.operatorToken).toMatch(/^op_/);
    expect(renderBanner(stack, { startupMs: 1 })).toContain(`Bearer ${stack.operatorToken}`);
    const res = await fetch(
      `${stack.services.identity.urls.http}/api/v1/operator/citizens/RSSMRA80A01H501U/events`,
      {
        headers: { authorization: `Bearer ${stack.operatorToken}` },
      },
    );
    expect(res.status).toBe(404); // through the operator check: no such citizen
  });

  it("tells a suite with only the identity URL and the admin token where everything else is", async () => {
    const { identity, sms, mail, postal } = stack.services;
    const res = await fetch(`${identity.urls.http}/__sim/stack`, {
      headers: { authorization: `Bearer ${stack.adminToken}` },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      services: {
        identity: identity.urls.http,
        sms: sms.urls.http,
        mail: { http: mail.urls.http, smtp: `smtp://127.0.0.1:${mail.ports.smtp}` },
        postal: postal.urls.http,
        portal: stack.portal.urls.http,
      },
      operatorToken: stack.operatorToken,
    });
    const operator = await fetch(`${identity.urls.http}/api/v1/operator/citizens/RSSMRA80A01H501U/events`, {
      headers: { authorization: `Bearer ${stack.operatorToken}` },
    });
    expect(operator.status).not.toBe(401);
  });
});

describe("the embedded stack on a data directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "inps-sim-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps simulated time across a restart", async () => {
    const first = await startStack({
      freePorts: true,
      dataDir: dir,
      env: quiet,
      adminToken: "restart-token",
    });
    const moved = await fetch(`${first.services.identity.urls.http}/__sim/clock`, {
      method: "POST",
      headers: { authorization: "Bearer restart-token", "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "P30D" }),
    });
    const before = Date.parse(((await json(moved)) as { now: string }).now);
    await first.close();

    const second = await startStack({
      freePorts: true,
      dataDir: dir,
      env: quiet,
      adminToken: "restart-token",
    });
    try {
      for (const service of Object.values(second.services)) {
        const { now } = (await json(await fetch(`${service.urls.http}/health`))) as { now: string };
        expect(Date.parse(now), service.name).toBeGreaterThanOrEqual(before);
      }
    } finally {
      await second.close();
    }
  }, 60_000);

  it("has no control plane with SIM_CONTROL=off (and makes no operator token when OPERATOR_TOKENS is set)", async () => {
    const env = { ...quiet, SIM_CONTROL: "off", OPERATOR_TOKENS: "desk1:desk1-token-0123" };
    const stack = await startStack({ freePorts: true, env, adminToken: "off-token-123" });
    try {
      expect(stack.operatorToken).toBeUndefined();
      expect(renderBanner(stack, { startupMs: 1 })).toContain("tokens from OPERATOR_TOKENS");
      for (const service of Object.values(stack.services)) {
        const res = await fetch(`${service.urls.http}/__sim/clock`, {
          headers: { authorization: "Bearer off-token-123" },
        });
        expect(res.status, service.name).toBe(404);
      }
    } finally {
      await stack.close();
    }
  }, 60_000);
});
