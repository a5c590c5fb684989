// `npm start -- --memory`: PGlite on a data directory of its own under the system's temporary directory, removed
// when the process exits. PGlite's in-memory file system keeps every data file in JavaScript buffers and cost
// ~110 MB more than the same database on disk; a directory costs what a restart costs, and nothing survives the
// process either. One left by a process that was killed (SIGKILL, a crash) is removed by the next --memory start.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "inps-sim-memory-";
/** The pid of the process that made the directory. */
const OWNER = "owner.pid";

export interface ScratchDir {
  path: string;
  remove(): void;
}

/** Makes a fresh directory (after removing those of dead processes); it is removed when this process exits. */
export function makeScratchDir(parent = tmpdir()): ScratchDir {
  removeStaleScratchDirs(parent);
  const path = mkdtempSync(join(parent, PREFIX));
  writeFileSync(join(path, OWNER), `${process.pid}\n`);
  const remove = () => rmSync(path, { recursive: true, force: true });
  process.once("exit", remove);
  return { path, remove };
}

/** Removes the scratch directories whose process no longer runs. */
export function removeStaleScratchDirs(parent = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(parent, name);
    if (ownerRuns(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function ownerRuns(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, OWNER), "utf8").trim());
  } catch {
    // No owner file yet: a process that is making it right now, unless the directory is old.
    try {
      return Date.now() - statSync(dir).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // runs, as another user
  }
}
