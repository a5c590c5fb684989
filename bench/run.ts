// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or the named ones) one after another.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchPeers, installPeers } from "./peers.ts";

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  process.stdout.write(
    `Usage: npm run bench [-- ${all.join("|")} …]\nRuns the named benchmarks, or all of them, and prints their figures.\n`,
  );
  process.exit(0);
}
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}; there are: ${all.join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  process.stdout.write(`\n### ${name}\n`);
  if (benchPeers[name]) installPeers(benchPeers[name]);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, `${name}.bench.ts`)], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
