// docs/getting-started.md runs as written: its `sh` blocks, in order, in one bash session against a fresh embedded
// stack; each block followed by a `json` block must print an answer of that shape (the same fields, and the same
// codes, statuses and channels; ids and instants differ from run to run).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type RunningStack } from "../src/index.ts";

const guide = readFileSync(new URL("../../../docs/getting-started.md", import.meta.url), "utf8");
const blocks = [...guide.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

/** The fields whose values are the same on every run; the others are only checked to be there, with their type. */
const STABLE = new Set([
  "code",
  "status",
  "requiredAction",
  "pinKind",
  "deliveryProfile",
  "channels",
  "firstHalf",
  "secondHalf",
  "verificationChannel",
  "secondHalfChannel",
  "service",
  "total",
  "subjects",
  "title",
]);

function sameShape(actual: unknown, expected: unknown, path: string, key = ""): string[] {
  if (STABLE.has(key))
    return JSON.stringify(actual) === JSON.stringify(expected)
      ? []
      : [`${path}: ${JSON.stringify(actual)}, the guide shows ${JSON.stringify(expected)}`];
  if (expected === null || typeof expected !== "object") {
    return typeof actual === typeof expected
      ? []
      : [`${path}: a ${typeof actual}, the guide shows a ${typeof expected}`];
  }
  if (actual === null || typeof actual !== "object")
    return [`${path}: ${JSON.stringify(actual)}, the guide shows an object`];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const missing = Object.keys(a)
    .filter((k) => !(k in e))
    .map((k) => `${path}.${k}: answered, not shown in the guide`);
  return [
    ...missing,
    ...Object.keys(e).flatMap((k) =>
      k in a ? sameShape(a[k], e[k], `${path}.${k}`, k) : [`${path}.${k}: shown in the guide, not answered`],
    ),
  ];
}

describe("docs/getting-started.md", () => {
  let stack: RunningStack;
  const dir = mkdtempSync(join(tmpdir(), "getting-started-"));
  beforeAll(async () => {
    stack = await startStack({
      freePorts: true,
      env: { LOG_LEVEL: "silent", HASH_PROFILE: "fast" },
      simStart: new Date("2027-01-13T09:00:00Z"),
    });
  }, 60_000);
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs block by block, and every answer has the shape the guide shows", { timeout: 60_000 }, async () => {
    const runs = blocks.flatMap((b, i) =>
      b.lang === "sh"
        ? [
            {
              index: i,
              text: b.text,
              shown: blocks[i + 1]?.lang === "json" ? blocks[i + 1]!.text : undefined,
            },
          ]
        : [],
    );
    expect(runs.length).toBeGreaterThan(10);
    const script = ["set -euo pipefail", ...runs.map((r) => `{\n${r.text}\n} > out-${r.index}.txt`)].join(
      "\n",
    );
    writeFileSync(join(dir, "guide.sh"), script);
    // Not spawnSync: the stack answering the guide's curl runs in this process, on this event loop.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn("bash", ["guide.sh"], {
        cwd: dir,
        env: { ...process.env, STACK: stack.services.identity.urls.http, TOKEN: stack.adminToken },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (status) => resolve({ status, stderr }));
    });
    expect(run.stderr, "a command of the guide failed").toBe("");
    expect(run.status).toBe(0);
    const problems = runs.flatMap((r) => {
      if (!r.shown) return [];
      const printed = readFileSync(join(dir, `out-${r.index}.txt`), "utf8");
      return sameShape(JSON.parse(printed) as unknown, JSON.parse(r.shown) as unknown, `block ${r.index}`);
    });
    expect(problems).toEqual([]);
  });
});
