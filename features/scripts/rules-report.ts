// Builds reports/rules.md from the run's messages: for every rule of docs/rules.md, its scenarios and their results.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const reports = join(here, "..", "reports");
const rulesPath = join(here, "..", "..", "docs", "rules.md");

interface Envelope {
  pickle?: { id: string; name: string; uri: string; tags: { name: string }[] };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string };
  testStepFinished?: { testCaseStartedId: string; testStepResult: { status: string } };
}

const messagesFile = join(reports, "messages.ndjson");

/** Writes reports/rules.md from reports/messages.ndjson; false when there is no run to report on. */
export function writeRulesReport(): boolean {
  if (!existsSync(messagesFile)) {
    process.stderr.write("no reports/messages.ndjson: run the features first\n");
    return false;
  }

  const pickles = new Map<string, NonNullable<Envelope["pickle"]>>();
  const caseToPickle = new Map<string, string>();
  const startedToCase = new Map<string, string>();
  const worst = new Map<string, string>(); // pickle id → worst step status
  const rank = ["PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"];

  for (const line of readFileSync(messagesFile, "utf8").split("\n")) {
    if (!line) continue;
    const m = JSON.parse(line) as Envelope;
    if (m.pickle) pickles.set(m.pickle.id, m.pickle);
    if (m.testCase) caseToPickle.set(m.testCase.id, m.testCase.pickleId);
    if (m.testCaseStarted) startedToCase.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
    if (m.testStepFinished) {
      const pickleId = caseToPickle.get(startedToCase.get(m.testStepFinished.testCaseStartedId) ?? "");
      if (!pickleId) continue;
      const status = m.testStepFinished.testStepResult.status;
      const before = worst.get(pickleId) ?? "PASSED";
      worst.set(pickleId, rank.indexOf(status) > rank.indexOf(before) ? status : before);
    }
  }

  const ruleIds = [...readFileSync(rulesPath, "utf8").matchAll(/^\|\s*(R\d{2})\s*\|\s*(.+?)\s*\|/gm)].map(
    (m) => ({
      id: m[1]!,
      text: m[2]!,
    }),
  );

  const lines = [
    "# Rules → scenarios → results",
    "",
    `Generated from the last run (${new Date().toISOString()}).`,
    "",
  ];
  let covered = 0;
  for (const rule of ruleIds) {
    const scenarios = [...pickles.values()].filter((p) => p.tags.some((t) => t.name === `@${rule.id}`));
    if (scenarios.length) covered++;
    lines.push(`## ${rule.id} — ${rule.text.slice(0, 140)}`);
    if (!scenarios.length) lines.push("- no scenario yet");
    for (const s of scenarios) lines.push(`- ${worst.get(s.id) ?? "NOT RUN"} — ${s.name} (${s.uri})`);
    lines.push("");
  }
  lines.splice(3, 0, `${covered} of ${ruleIds.length} rules have at least one scenario.`, "");
  writeFileSync(join(reports, "rules.md"), lines.join("\n"));
  process.stdout.write(
    `rules report: ${covered} of ${ruleIds.length} rules covered by a tagged scenario → reports/rules.md\n`,
  );
  return true;
}

// `npm run rules-report` (inside features/): the report of the last run, on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exitCode = writeRulesReport() ? 0 : 1;
