import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_TRANSITIONS, renderStateDiagram } from "../src/index.ts";
import { credentialStatesDoc } from "../scripts/credential-states-doc.ts";

const path = fileURLToPath(new URL("../../../docs/credential-states.md", import.meta.url));

describe("docs/credential-states.md", () => {
  it("is exactly what `npm run diagram -w @inps-sim/domain` writes (run it after changing the transitions)", async () => {
    const doc = readFileSync(path, "utf8");
    expect(doc).toBe(await credentialStatesDoc(doc, path));
  });

  it("draws one arrow per transition, from the data", () => {
    const diagram = renderStateDiagram();
    expect(diagram.startsWith("stateDiagram-v2\n")).toBe(true);
    const arrows = diagram.split("\n").filter((l) => / --> /.test(l) && !l.includes("[*]"));
    expect(arrows).toHaveLength(CREDENTIAL_TRANSITIONS.length);
    for (const t of CREDENTIAL_TRANSITIONS) {
      expect(diagram).toContain(
        `${t.from.replace(/-/g, "_")} --> ${t.to.replace(/-/g, "_")}: ${t.event} (${t.rule}`,
      );
    }
  });
});
