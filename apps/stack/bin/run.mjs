#!/usr/bin/env node
// `node apps/stack/bin/run.mjs <name> [args…]`: runs dist/<name>.mjs (the stack, or one app alone), after
// rebuilding the bundles when a source file is newer than them (a fresh clone, a pull, an edit). Run it with the
// flags of node-flags.mjs before it: `node --v8-pool-size=1 … apps/stack/bin/run.mjs stack`, as npm start does.
import { setFlagsFromString } from "node:v8";
import { freshBundle } from "./bundle.mjs";
import { wasmTieringBudget } from "./node-flags.mjs";

// See node-flags.mjs: set before any WebAssembly is compiled.
setFlagsFromString(wasmTieringBudget);

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
