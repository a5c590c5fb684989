// Profiles: `default` for a person at a terminal, `ci` with parallel workers and JUnit/HTML reports.
// Against an external stack (STACK_URL) scenarios share one simulated clock, so they run on one worker.
const external = Boolean(process.env.STACK_URL);
const workers = external ? 0 : Number(process.env.CUCUMBER_PARALLEL ?? 2);

const common = {
  paths: ["**/*.feature"],
  import: ["support/register.mjs", "support/**/*.ts", "steps/**/*.ts"],
  format: ["progress-bar", "message:reports/messages.ndjson", "rerun:reports/@rerun.txt"],
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
