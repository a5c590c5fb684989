import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeScratchDir, removeStaleScratchDirs } from "../src/scratch-dir.ts";

const parent = mkdtempSync(join(tmpdir(), "inps-scratch-test-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** A pid no process has: above the kernel's largest. */
const DEAD_PID = 4_194_304 + 1;

describe("the temporary data directory of npm start -- --memory", () => {
  it("is a directory of its own, which remove() takes away with everything in it", () => {
    const scratch = makeScratchDir(parent);
    writeFileSync(join(scratch.path, "data"), "kept only while the process runs");
    expect(existsSync(join(scratch.path, "data"))).toBe(true);
    scratch.remove();
    expect(existsSync(scratch.path)).toBe(false);
  });

  it("removes the one a killed process left, and keeps the one of a process that still runs", () => {
    const left = join(parent, "inps-sim-memory-killed");
    mkdirSync(join(left, "pglite"), { recursive: true });
    writeFileSync(join(left, "owner.pid"), `${DEAD_PID}\n`);
    const running = join(parent, "inps-sim-memory-running");
    mkdirSync(running);
    writeFileSync(join(running, "owner.pid"), `${process.pid}\n`);
    const other = join(parent, "someone-else");
    mkdirSync(other);

    removeStaleScratchDirs(parent);

    expect(existsSync(left)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
