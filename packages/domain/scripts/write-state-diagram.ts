// Writes the generated section of docs/credential-states.md from the transition data (npm run diagram),
// formatted with the repository's Prettier settings so `npm run format` leaves it as it is.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { credentialStatesDoc } from "./credential-states-doc.ts";

const path = fileURLToPath(new URL("../../../docs/credential-states.md", import.meta.url));
const before = existsSync(path) ? readFileSync(path, "utf8") : "# Credential states\n";
const after = await credentialStatesDoc(before, path);
if (after !== before) writeFileSync(path, after);
process.stdout.write(`${after === before ? "unchanged" : "updated"}: ${path}\n`);
