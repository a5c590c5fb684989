// The generated part of docs/credential-states.md: a Mermaid diagram and a table, both from the transition data.

import { CREDENTIAL_STATES, STATE_MEANINGS, type CredentialState } from "./states.ts";
import { CREDENTIAL_TRANSITIONS } from "./transitions.ts";

export const GENERATED_BEGIN = "<!-- BEGIN GENERATED: npm run diagram -w @inps-sim/domain -->";
export const GENERATED_END = "<!-- END GENERATED -->";

/** Mermaid ids cannot hold hyphens; the label keeps the real name. */
const id = (s: CredentialState) => s.replace(/-/g, "_");

export function renderStateDiagram(): string {
  const lines = ["stateDiagram-v2"];
  for (const s of CREDENTIAL_STATES) if (s.includes("-")) lines.push(`    state "${s}" as ${id(s)}`);
  lines.push(`    [*] --> ${id("requested")}`);
  for (const t of CREDENTIAL_TRANSITIONS) {
    const kind = t.setsKind ? `, ${t.requiresKind} → ${t.setsKind}` : "";
    lines.push(`    ${id(t.from)} --> ${id(t.to)}: ${t.event} (${t.rule}${kind})`);
  }
  for (const s of CREDENTIAL_STATES) {
    if (!CREDENTIAL_TRANSITIONS.some((t) => t.from === s)) lines.push(`    ${id(s)} --> [*]`);
  }
  return lines.join("\n");
}

export function renderGeneratedSection(): string {
  const states = CREDENTIAL_STATES.map((s) => `| \`${s}\` | ${STATE_MEANINGS[s]} |`);
  const transitions = CREDENTIAL_TRANSITIONS.map(
    (t) =>
      `| \`${t.from}\` | \`${t.event}\` | \`${t.to}\` | ${t.rule} | ${t.setsKind ? `${t.requiresKind} → ${t.setsKind}` : ""} |`,
  );
  return [
    GENERATED_BEGIN,
    "```mermaid",
    renderStateDiagram(),
    "```",
    "",
    "| state | meaning |",
    "|---|---|",
    ...states,
    "",
    "| from | event | to | rule | kind |",
    "|---|---|---|---|---|",
    ...transitions,
    GENERATED_END,
  ].join("\n");
}

/** `doc` with its generated section replaced (or appended when it has none). */
export function withGeneratedSection(doc: string): string {
  const begin = doc.indexOf(GENERATED_BEGIN);
  const end = doc.indexOf(GENERATED_END);
  if (begin < 0 || end < begin) return `${doc.trimEnd()}\n\n${renderGeneratedSection()}\n`;
  return doc.slice(0, begin) + renderGeneratedSection() + doc.slice(end + GENERATED_END.length);
}
