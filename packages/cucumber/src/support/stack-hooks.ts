// One stack per worker process, started before its first scenario: never one per scenario (PGlite takes seconds),
// and never for a worker that gets no scenario (a run of one file on two workers starts one stack).
// A scenario tagged @stack-in-2016 gets a stack of its own whose clock starts on 4 January 2016: simulated time
// never goes backwards, and the worker's stack (or the running one) is in 2026 (SPID arrived on 15 March 2016, R35).
import { After, AfterAll, Before, setDefaultTimeout } from "@cucumber/cucumber";
import { embeddedEndpoints, externalEndpoints, type StackEndpoints } from "./stack-endpoints.ts";

setDefaultTimeout(30_000);

let stack: StackEndpoints | undefined;
/** The stack of the scenario that runs now, when it has one of its own. */
let scenarioStack: StackEndpoints | undefined;

export const STACK_IN_2016_START = new Date("2016-01-04T08:00:00Z");

export function currentStack(): StackEndpoints {
  const current = scenarioStack ?? stack;
  if (!current) throw new Error("the stack is not running: the first Before hook did not complete");
  return current;
}

Before({ timeout: 120_000 }, async function () {
  stack ??= (await externalEndpoints(process.env)) ?? (await embeddedEndpoints());
});

// Against a running stack (STACK_URL) as well: its clock is past 2016 and cannot be turned back, so such a scenario
// never runs there; the stack it gets is embedded in this process whatever the rest of the suite uses.
Before({ tags: "@stack-in-2016", timeout: 120_000 }, async function () {
  scenarioStack = await embeddedEndpoints({ simStart: STACK_IN_2016_START, name: "2016" });
});

After({ tags: "@stack-in-2016", timeout: 30_000 }, async function () {
  await scenarioStack?.close?.();
  scenarioStack = undefined;
});

AfterAll({ timeout: 30_000 }, async function () {
  await stack?.close?.();
  stack = undefined;
});
