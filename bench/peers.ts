// Servers the benchmarks compare ours with (MailDev) are no dependency of the project: `npm ci` would install
// them for every user, and their own dependencies need Node ≥ 22. They are installed here, on first use, into a
// cache folder (bench/.peers, git-ignored), and linked into bench/node_modules so `import.meta.resolve` finds them.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = dirname(fileURLToPath(import.meta.url));
const cacheDir = join(benchDir, ".peers");

/** The peers each benchmark needs: npm name and version range. */
export const benchPeers: Record<string, Record<string, string>> = {
  "smtp-ingest": { maildev: "^3.0.0" },
};

export function installPeers(peers: Record<string, string>): void {
  const missing = Object.entries(peers).filter(
    ([name]) => !existsSync(join(cacheDir, "node_modules", name, "package.json")),
  );
  if (missing.length) {
    mkdirSync(cacheDir, { recursive: true });
    const manifest = join(cacheDir, "package.json");
    if (!existsSync(manifest))
      writeFileSync(manifest, JSON.stringify({ name: "inps-bench-peers", private: true }, null, 2) + "\n");
    process.stdout.write(
      `installing ${missing.map(([n, v]) => `${n}@${v}`).join(", ")} into ${cacheDir} (benchmarks only)\n`,
    );
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(
      npm,
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        "--engine-strict=false",
        ...missing.map(([n, v]) => `${n}@${v}`),
      ],
      { cwd: cacheDir, stdio: "inherit" },
    );
    if (result.status !== 0) throw new Error(`npm install ${missing.map(([n]) => n).join(" ")} failed`);
  }
  for (const name of Object.keys(peers)) {
    const link = join(benchDir, "node_modules", name);
    const target = join(cacheDir, "node_modules", name);
    if (existsSync(link) && lstatSync(link).isSymbolicLink()) continue;
    rmSync(link, { recursive: true, force: true });
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, "dir");
  }
}
