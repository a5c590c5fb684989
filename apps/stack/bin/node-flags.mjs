// Node's own flags for every process that runs a bundle: `npm start`, each app's `npm start`, docker-compose.yml,
// `inps-sim start` and the benchmarks put exactly these before bin/run.mjs (apps/stack/test/compose.test.ts checks
// they do). They act only on node's command line: V8 sizes its heap and starts its threads before any code runs,
// so bin/run.mjs cannot set them as it sets the WebAssembly tiering budget.
//  --v8-pool-size=1: V8's helper threads (4 by default) each kept a malloc arena of ~24 MB after the start compiled
//    PGlite's WebAssembly and the bundle; one thread on this 2-core machine: the idle stack ~40 MB smaller.
//  --max-semi-space-size=2: the young generation's semi-spaces grow to 2 MB, not 16: ~15 MB less idle (the live
//    heap is ~39 MB either way); 1 MB saved no more and cost more scavenges.
// Measured with `npm run bench -- startup|sms-api|login` (figures in bench/README.md).
export const nodeFlags = ["--v8-pool-size=1", "--max-semi-space-size=2"];

// PGlite's WebAssembly (9 MB) runs on V8's baseline code first; a function that has run "enough" (the tiering budget)
// is compiled again by the optimising compiler. With V8's default budget PostgreSQL's own start-up crosses it, and a
// PGlite open spent about 1 s of CPU of 2.2 in optimising code that runs once. A budget 100 times larger keeps the start
// on baseline code (0.64x the CPU, 30 MB less) while a function a workload keeps running is still optimised; 4,000
// insert-and-select rounds took no more CPU than with the default. bin/run.mjs sets it before any WebAssembly is
// compiled (it works from there, unlike the flags above).
export const wasmTieringBudget = "--wasm-tiering-budget=180000000";
