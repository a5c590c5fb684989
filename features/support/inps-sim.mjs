// The simulator's World, parameter types, hooks and steps (@inps-sim/cucumber): this suite uses them like every other
// team's does. It loads them from the stack's build (apps/stack/dist/cucumber-steps.mjs) when that matches the
// sources: every Cucumber process (the coordinator and each worker) loads the steps, and the bundle takes half the
// CPU time of the TypeScript sources through tsx. Its source map keeps the steps' locations and stack traces
// pointing at the sources. A stale or missing bundle (a dry run after an edit), or INPS_SIM_STEPS=sources (the step
// catalogue, which runs Cucumber inside a tsx process), loads the sources through tsx.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundlePath, isFresh } from "@inps-sim/stack/bundle";

const featuresDir = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Step or support files of this suite's own in TypeScript (cucumber.mjs imports them after this file). */
const ownTypeScript = ["support", "steps"].some((dir) => {
  const path = join(featuresDir, dir);
  return existsSync(path) && readdirSync(path, { recursive: true }).some((f) => String(f).endsWith(".ts"));
});

const bundled = process.env.INPS_SIM_STEPS !== "sources" && isFresh("cucumber-steps");
if (ownTypeScript || !bundled) (await import("tsx/esm/api")).register();
if (bundled) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundlePath("cucumber-steps")).href);
} else {
  await import("@inps-sim/cucumber");
}
