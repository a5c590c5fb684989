#!/usr/bin/env node
// `node apps/stack/bin/run.mjs <name> [args…]`: runs dist/<name>.mjs (the stack, or one app alone), after
// rebuilding the bundles when a source file is newer than them (a fresh clone, a pull, an edit).
import { setFlagsFromString } from "node:v8";
import { freshBundle } from "./bundle.mjs";

// PGlite's WebAssembly (9 MB) runs on V8's baseline code first; a function that has run "enough" (the tiering budget)
// is compiled again by the optimising compiler. With V8's default budget PostgreSQL's own start-up crosses it, and a
// PGlite open spent about 1 s of CPU of 2.2 in optimising code that runs once. A budget 100 times larger keeps the start
// on baseline code (0.64x the CPU, 30 MB less) while a function a workload keeps running is still optimised; 4,000
// insert-and-select rounds took no more CPU than with the default. Set before any WebAssembly is compiled.
setFlagsFromString("--wasm-tiering-budget=180000000");

// The first argument names the bundle (stack, identity, sms-gateway, mail-gateway, postal-gateway); options alone
// (`inps-sim --memory`) mean the stack.
const named = process.argv[2] !== undefined && !process.argv[2].startsWith("-");
const name = named ? process.argv[2] : "stack";
if (named) process.argv.splice(2, 1); // the bundle reads its own arguments from argv[2] on

const url = await freshBundle(name);
if (!url) {
  console.error(`there is no bundle named ${name} (apps/${name}/src/main.ts)`);
  process.exit(2);
}
await import(url);
