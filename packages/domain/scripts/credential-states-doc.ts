// What write-state-diagram.ts writes: the doc with its generated section, Prettier-formatted. Shared with
// the test that keeps the doc from drifting, so both compute exactly the same text.

import * as prettier from "prettier";
import { withGeneratedSection } from "../src/credential/diagram.ts";

export async function credentialStatesDoc(current: string, path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(withGeneratedSection(current), { ...options, filepath: path });
}
