// Profiles: `default` for a person at a terminal, `ci` with parallel workers and JUnit/HTML reports, `ui` for the
// journeys tagged @ui, played by the same steps through the portal in Chromium (the browser driver).
// Against an external stack (STACK_URL) scenarios share one simulated clock, so they run on one worker.
import { createRequire } from "node:module";

const external = Boolean(process.env.STACK_URL);
const workers = external ? 0 : Number(process.env.CUCUMBER_PARALLEL ?? 2);

// Cucumber adds the paths of the command line to the profile's: the whole suite only when none is named,
// so `cucumber-js identity/journeys/expiry.feature:12` runs that one scenario. Cucumber's own parser
// tells a path from an option's value.
const { default: ArgvParser } = createRequire(import.meta.url)(
  "@cucumber/cucumber/lib/configuration/argv_parser",
);
// Only the cucumber-js command's own arguments: a script that loads this file through the API has its own.
const isCli = /cucumber(-js|\.js)?$/.test(process.argv[1] ?? "");
const named = isCli ? (ArgvParser.parse(process.argv).configuration.paths ?? []) : [];

// The whole suite plays spid.feature first: its @stack-in-2016 scenario is then a worker's first, and runs on that
// worker's own stack, started in 2016, instead of starting a third stack (support/stack-hooks.ts in @inps-sim/cucumber).
const common = {
  ...(named.length ? {} : { paths: ["identity/journeys/spid.feature", "**/*.feature"] }),
  import: ["support/inps-sim.mjs", "support/**/*.ts", "steps/**/*.ts"],
  format: [
    process.stdout.isTTY ? "progress-bar" : "progress",
    "message:reports/messages.ndjson",
    "rerun:reports/@rerun.txt",
  ],
  formatOptions: { snippetInterface: "async-await" },
  strict: true,
};

export default { ...common, parallel: workers };

export const ci = {
  ...common,
  parallel: workers,
  format: [
    "summary",
    "message:reports/messages.ndjson",
    "junit:reports/cucumber-junit.xml",
    "html:reports/cucumber-report.html",
  ],
  retry: 0,
};

// The same Gherkin through the portal: the steps' driver is the browser; a screenshot of the page goes into the
// report at each failing step and at the end of every scenario (reports/ui-report.html).
export const ui = {
  ...common,
  tags: "@ui",
  parallel: workers,
  worldParameters: { driver: "browser" },
  format: [
    process.stdout.isTTY ? "progress-bar" : "progress",
    "message:reports/ui-messages.ndjson",
    "junit:reports/ui-junit.xml",
    "html:reports/ui-report.html",
    "rerun:reports/@ui-rerun.txt",
  ],
  retry: 0,
};
