// `npx inps-sim` against an embedded stack: every command answers JSON with --json, plain text when piped.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type RunningStack } from "../src/index.ts";

const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
let stack: RunningStack;

/** Runs the CLI as a person would; not spawnSync: the stack it talks to runs on this event loop. */
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
      env: {
        ...process.env,
        STACK_URL: stack.services.identity.urls.http,
        SIM_ADMIN_TOKEN: stack.adminToken,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const json = async (...args: string[]) => {
  const r = await run(...args, "--json");
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Record<string, unknown> & unknown[];
};

describe("inps-sim", () => {
  beforeAll(async () => {
    stack = await startStack({
      freePorts: true,
      env: { LOG_LEVEL: "silent", HASH_PROFILE: "fast" },
      simStart: new Date("2026-01-12T09:00:00Z"),
    });
  }, 60_000);
  afterAll(() => stack.close());

  it("shows and moves the simulated clock", { timeout: 60_000 }, async () => {
    const before = await json("clock");
    const after = await json("clock", "advance", "P3D");
    expect(Date.parse(String(after.now)) - Date.parse(String(before.now))).toBeGreaterThanOrEqual(
      3 * 86_400_000,
    );
  });

  it("makes a citizen with a PIN, whose timeline and inbox it then reads", { timeout: 60_000 }, async () => {
    const citizen = await json("citizen", "new", "--pin", "Vento3Lu");
    expect(citizen.fiscalCode).toMatch(/^[A-Z0-9]{16}$/);
    expect(citizen.healthCard).toMatchObject({ number: expect.stringMatching(/^80380/) });
    const events = await json("timeline", String(citizen.fiscalCode));
    expect(events.length).toBeGreaterThan(0);
    expect(await json("inbox", String(citizen.fiscalCode))).toEqual([]);
  });

  it("sets and clears a gateway fault", { timeout: 60_000 }, async () => {
    expect(await json("faults", "set", "sms", "error", "503", "--count", "1")).toMatchObject({
      active: { mode: "error", status: 503 },
    });
    expect(await json("faults", "clear", "sms")).toEqual({ cleared: "sms" });
  });

  it(
    "prints plain text when piped, and says what is wrong with a bad token",
    { timeout: 60_000 },
    async () => {
      const plain = await run("clock");
      expect(plain.stdout).toMatch(/^simulated time: \d{4}-/);
      expect(plain.stdout).not.toContain("\x1b[");
      const refused = await run("clock", "--token", "not-the-token");
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain("refused the token");
      const help = await run("--help");
      expect(help.stdout).toContain("inbox");
    },
  );
});
