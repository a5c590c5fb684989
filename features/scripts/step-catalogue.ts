// Writes docs/steps.md, the step catalogue, from the step definitions themselves: a Cucumber dry run (no stack)
// reports every definition, parameter type and match; the line of doc comment above a definition describes it.
// `--check` only compares, and fails when docs/steps.md is not what the steps say (CI runs it).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfiguration, runCucumber } from "@cucumber/cucumber/api";
import type { Envelope } from "@cucumber/messages";

const featuresDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const docsDir = join(featuresDir, "..", "docs");
const target = join(docsDir, "steps.md");
/** Where the docs' own Gherkin examples are written for the dry run (outside features/, so no suite run picks them up). */
const docExamplesDir = mkdtempSync(join(tmpdir(), "inps-doc-examples-"));

/**
 * Every ```gherkin block of docs/*.md as a feature file, so the dry run finds a step the docs made up. A block
 * with more after the language (```gherkin title="…") is another project's, with steps of its own: not checked.
 */
function writeDocExamples(): string[] {
  const written: string[] = [];
  for (const page of readdirSync(docsDir).filter((f) => f.endsWith(".md"))) {
    const blocks = [...readFileSync(join(docsDir, page), "utf8").matchAll(/```gherkin\n([\s\S]*?)```/g)].map(
      (m) => m[1]!,
    );
    blocks.forEach((block, i) => {
      const text = /^\s*(@\S+\s+)*Feature:/.test(block)
        ? block
        : `Feature: the example of docs/${page}\n\n${block}`;
      const file = join(docExamplesDir, `${page.replace(/\.md$/, "")}-${i + 1}.feature`);
      writeFileSync(file, text);
      written.push(relative(featuresDir, file));
    });
  }
  return written;
}

interface Definition {
  id: string;
  pattern: string;
  uri: string;
  line: number;
  description: string;
  examples: string[];
}

/** The `/** … *\/` comment that ends on the line above `line` (1-based), as one line of text. */
function docComment(source: string[], line: number): string {
  let end = line - 2;
  while (end >= 0 && source[end]!.trim().startsWith("//")) end--;
  if (end < 0 || !source[end]!.trim().endsWith("*/")) return "";
  let start = end;
  while (start >= 0 && !source[start]!.includes("/**")) start--;
  return source
    .slice(start, end + 1)
    .join(" ")
    .replace(/\/\*\*|\*\/|^\s*\*|\s\*\s/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function collect(): Promise<{
  definitions: Definition[];
  parameterTypes: { name: string; regexp: string; description: string }[];
}> {
  // The steps from their TypeScript sources, whose lines and doc comments the catalogue reads (not the bundle).
  process.env.INPS_SIM_STEPS = "sources";
  const { runConfiguration } = await loadConfiguration({ profiles: ["default"] }, { cwd: featuresDir });
  const docExamples = writeDocExamples();
  const envelopes: Envelope[] = [];
  const result = await runCucumber(
    {
      ...runConfiguration,
      sources: {
        ...runConfiguration.sources,
        paths: ["**/*.feature", ...docExamples],
        tagExpression: "",
        names: [],
      },
      runtime: { ...runConfiguration.runtime, dryRun: true, parallel: 0 },
      formats: { stdout: "summary", files: {}, options: {}, publish: false },
    },
    { cwd: featuresDir, stdout: { write: () => true } as unknown as NodeJS.WriteStream },
    (envelope) => envelopes.push(envelope),
  );

  const sources = new Map<string, string[]>();
  const sourceOf = (uri: string) => {
    if (!sources.has(uri)) sources.set(uri, readFileSync(join(featuresDir, uri), "utf8").split("\n"));
    return sources.get(uri)!;
  };
  const definitions = new Map<string, Definition>();
  const parameterTypes: { name: string; regexp: string; description: string }[] = [];
  const pickleSteps = new Map<string, { text: string; type: string; uri: string }>();
  for (const e of envelopes) {
    if (e.stepDefinition) {
      const { id, pattern, sourceReference } = e.stepDefinition;
      const uri = sourceReference.uri ?? "";
      const line = sourceReference.location?.line ?? 0;
      definitions.set(id, {
        id,
        pattern: pattern.source,
        uri,
        line,
        description: docComment(sourceOf(uri), line),
        examples: [],
      });
    }
    if (e.parameterType) {
      const { name, regularExpressions, sourceReference } = e.parameterType;
      const uri = sourceReference?.uri;
      const line = sourceReference?.location?.line ?? 0;
      parameterTypes.push({
        name,
        regexp: regularExpressions.join(" | "),
        description: uri ? docComment(sourceOf(uri), line) : "",
      });
    }
    if (e.pickle) {
      for (const step of e.pickle.steps)
        pickleSteps.set(step.id, { text: step.text, type: step.type ?? "", uri: e.pickle.uri });
    }
  }
  const keyword: Record<string, string> = { Context: "Given", Action: "When", Outcome: "Then" };
  const unmatched: string[] = [];
  for (const e of envelopes) {
    for (const step of e.testCase?.testSteps ?? []) {
      const used = step.pickleStepId ? pickleSteps.get(step.pickleStepId) : undefined;
      if (!used) continue;
      if ((step.stepDefinitionIds ?? []).length !== 1)
        unmatched.push(
          `${used.uri.replace(/^.*inps-doc-examples-\w+\//, "docs/")}: "${used.text}" matches ${step.stepDefinitionIds?.length ?? 0} step definitions`,
        );
      // The docs' examples are checked, not quoted: the catalogue's examples come from the features.
      if (used.uri.includes("inps-doc-examples-")) continue;
      for (const id of step.stepDefinitionIds ?? [])
        definitions.get(id)?.examples.push(`${keyword[used.type] ?? "*"} ${used.text}  (${used.uri})`);
    }
  }
  rmSync(docExamplesDir, { recursive: true, force: true });
  if (unmatched.length || !result.success) {
    throw new Error(
      `every step must match exactly one definition (the docs' examples too):\n- ${[...new Set(unmatched)].join("\n- ")}`,
    );
  }
  return { definitions: [...definitions.values()], parameterTypes };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function render({ definitions, parameterTypes }: Awaited<ReturnType<typeof collect>>): string {
  const byFile = new Map<string, Definition[]>();
  for (const d of [...definitions].sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line)) {
    byFile.set(d.uri, [...(byFile.get(d.uri) ?? []), d]);
  }
  const builtIn = new Set([
    "int",
    "float",
    "word",
    "string",
    "",
    "bigdecimal",
    "biginteger",
    "byte",
    "short",
    "long",
    "double",
  ]);
  const lines = [
    "# Step catalogue",
    "",
    "Every step the features can use, generated from the step definitions by `npm run docs:steps` (do not edit by",
    "hand: CI fails when this page and the steps disagree). A step matches whatever its keyword (Given, When, Then,",
    "And, But). `{string}` is text in double quotes, `{int}` a whole number; the other `{…}` are listed at the end.",
    "The example is the first use in the features, with its file.",
    "",
  ];
  for (const [uri, defs] of [...byFile].sort(([a], [b]) => basename(a).localeCompare(basename(b)))) {
    const concept = basename(uri)
      .replace(/\.steps\.ts$/, "")
      .replace(/\.ts$/, "");
    const where = relative(join(featuresDir, ".."), resolve(featuresDir, uri));
    lines.push(
      `## ${concept}`,
      "",
      `Defined in \`${where}\`.`,
      "",
      "| step | what it does | example |",
      "|---|---|---|",
    );
    for (const d of defs) {
      const example = [...d.examples].sort()[0];
      lines.push(
        `| \`${cell(d.pattern)}\` | ${cell(d.description || "—")} | ${example ? `\`${cell(example.replace(/ {2}\(.*\)$/, ""))}\` (${cell(example.replace(/^.* {2}\((.*)\)$/, "$1"))})` : "not used yet"} |`,
      );
    }
    lines.push("");
  }
  lines.push("## Parameter types", "", "| type | matches | meaning |", "|---|---|---|");
  for (const p of [...parameterTypes]
    .filter((p) => !builtIn.has(p.name))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(`| \`{${p.name}}\` | \`${cell(p.regexp)}\` | ${cell(p.description || "—")} |`);
  }
  lines.push("");
  return lines.join("\n");
}

const page = render(await collect());
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing counts as stale
  }
  if (current !== page) {
    process.stderr.write(
      "docs/steps.md does not match the step definitions: run `npm run docs:steps` and commit it.\n",
    );
    process.exitCode = 1;
  } else process.stdout.write("docs/steps.md matches the step definitions\n");
} else {
  writeFileSync(target, page);
  process.stdout.write(`docs/steps.md: the step catalogue, written from the step definitions\n`);
}
