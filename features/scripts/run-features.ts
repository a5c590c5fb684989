// `npm run test:features -- [cucumber options] [paths]`: runs Cucumber on what was named, from wherever npm was
// started (the repository root or features/), then the rules report after a whole-suite run. The profile is
// CUCUMBER_PROFILE (default `default`, on the API driver); `npm run test:ui` is the same with the `ui` profile, the
// @ui journeys through the portal in Chromium (`npm test` runs both).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freshBundle } from "@inps-sim/stack/bundle";

const featuresDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { default: ArgvParser } = require("@cucumber/cucumber/lib/configuration/argv_parser") as {
  default: { parse(argv: string[]): { configuration: { paths?: string[]; tags?: string; name?: string[] } } };
};

/** A path as the person typed it (from the repository root, from features/, or from where npm was started), made relative to features/. */
export function rebase(path: string, bases: string[]): string {
  const [, file = path, lines = ""] = /^(.*?)((?::\d+)*)$/.exec(path) ?? [];
  for (const base of bases) {
    const full = resolve(base, file);
    if (existsSync(full)) return `${relative(featuresDir, full) || "."}${lines}`;
  }
  return path;
}

const args = process.argv.slice(2);
const { configuration } = ArgvParser.parse(["node", "cucumber-js", ...args]);
const named = new Set(configuration.paths ?? []);
const bases = [process.env.INIT_CWD, process.cwd(), join(featuresDir, "..")].filter((b): b is string =>
  Boolean(b),
);
const cucumberArgs = args.map((arg) => (named.has(arg) ? rebase(arg, bases) : arg));
const profile = process.env.CUCUMBER_PROFILE ?? "default";
const dryRun = args.includes("--dry-run") || args.includes("-d");

// The ui profile first checks that there is a browser to drive.
if (profile === "ui" && !dryRun) {
  const { missingChromium } = await import("@inps-sim/chromium");
  const missing = missingChromium();
  if (missing) {
    process.stderr.write(`\nThe @ui journeys cannot run:\n${missing}\n`);
    process.exit(1);
  }
}

// Each worker runs the stack from its bundle when the bundle matches the sources: rebuilt here, once, when one changed.
if (!process.env.STACK_URL && !dryRun) await freshBundle("start-stack");

const bin = join(dirname(require.resolve("@cucumber/cucumber/package.json")), "bin", "cucumber.js");
let status =
  spawnSync(process.execPath, [bin, "--profile", profile, ...cucumberArgs], {
    cwd: featuresDir,
    stdio: "inherit",
  }).status ?? 1;

// The rules report speaks for the whole suite: a selective run would show rules as uncovered.
const whole = named.size === 0 && !configuration.tags && !configuration.name?.length && !dryRun;
if (whole && profile !== "ui") {
  const { writeRulesReport } = await import("./rules-report.ts");
  status ||= writeRulesReport() ? 0 : 1;
}
process.exitCode = status;
