// Run by the build (`npm ci`, `npm run build`): makes the PGlite template every fresh database starts from.
import { preparePgliteTemplate } from "@inps-sim/db";
import { stackTemplate } from "./stack-database.ts";

const started = performance.now();
await preparePgliteTemplate(stackTemplate);
process.stdout.write(
  `PGlite template ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${stackTemplate.dir}\n`,
);
