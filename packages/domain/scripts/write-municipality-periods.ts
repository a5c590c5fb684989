// Writes src/fiscal-code/municipality-periods.ts from @marketto/belfiore-connector-embedded; run it after
// upgrading that package or codice-fiscale-js (the test in test/municipality-periods.test.ts says when).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { municipalityPeriodsFile } from "./municipality-periods-file.ts";

const path = fileURLToPath(new URL("../src/fiscal-code/municipality-periods.ts", import.meta.url));
const before = existsSync(path) ? readFileSync(path, "utf8") : "";
const after = await municipalityPeriodsFile();
if (after !== before) writeFileSync(path, after);
process.stdout.write(`${after === before ? "unchanged" : "updated"}: ${path}\n`);
