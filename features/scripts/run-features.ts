// `npm run test:features -- [cucumber options] [paths]`: runs Cucumber on what was named, from wherever npm was
// started (npm and turbo run this script inside features/), then the rules report after a whole-suite run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { missingChromium } from "@inps-sim/chromium";
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

// Each worker runs the stack from its bundle when the bundle matches the sources: rebuilt here, once, when one changed.
const dryRun = args.includes("--dry-run") || args.includes("-d");
if (!process.env.STACK_URL && !dryRun) await freshBundle("start-stack");

const bin = join(dirname(require.resolve("@cucumber/cucumber/package.json")), "bin", "cucumber.js");

/** Runs Cucumber with a profile; the ui profile first checks that there is a browser to drive. */
function cucumber(withProfile: string): number {
  if (withProfile === "ui" && !dryRun) {
    const missing = missingChromium();
    if (missing) {
      process.stderr.write(`\nThe @ui journeys cannot run:\n${missing}\n`);
      return 1;
    }
  }
  return (
    spawnSync(process.execPath, [bin, "--profile", withProfile, ...cucumberArgs], {
      cwd: featuresDir,
      stdio: "inherit",
    }).status ?? 1
  );
}

let status = cucumber(profile);

// The rules report speaks for the whole suite: a selective run would show rules as uncovered.
const whole = named.size === 0 && !configuration.tags && !configuration.name?.length && !dryRun;
if (whole && profile !== "ui") {
  const report = spawnSync(
    process.execPath,
    ["--import", "tsx", join(featuresDir, "scripts", "rules-report.ts")],
    { cwd: featuresDir, stdio: "inherit" },
  );
  status ||= report.status ?? 1;
  // A whole run also plays the @ui journeys through the portal in Chromium (profile ui), whatever the first run gave.
  process.stdout.write("\nThe @ui journeys, through the portal in Chromium (profile ui):\n");
  const ui = cucumber("ui");
  status ||= ui;
}
process.exitCode = status;
