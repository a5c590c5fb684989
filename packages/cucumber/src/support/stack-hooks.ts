// One stack per worker process, started before its first scenario: never one per scenario (PGlite takes seconds),
// and never for a worker that gets no scenario (a run of one file on two workers starts one stack).
// A scenario tagged @stack-in-2016 needs a stack whose clock starts on 4 January 2016: simulated time never goes
// backwards, and the worker's stack (or the running one) is in 2026 (SPID arrived on 15 March 2016, R35). As a worker's
// first scenario (the whole suite runs spid.feature first, see cucumber.mjs) it gets the worker's own embedded stack,
// started in 2016 and moved forward to the usual start (SIM_START) after it: a stack's start costs seconds of CPU.
// Otherwise it gets a stack of its own, closed after it.
import { After, AfterAll, Before, setDefaultTimeout } from "@cucumber/cucumber";
import { createControlPlane } from "./control-plane.ts";
import { embeddedEndpoints, externalEndpoints, simStartOf, type StackEndpoints } from "./stack-endpoints.ts";
import type { SimulatorWorld } from "./world.ts";

setDefaultTimeout(30_000);

let stack: StackEndpoints | undefined;
/** The stack of the scenario that runs now, when it has one of its own. */
let scenarioStack: StackEndpoints | undefined;
/** The worker's stack was started in 2016 for the scenario that runs now: it moves on to SIM_START after it. */
let workerStackIn2016 = false;

export const STACK_IN_2016_START = new Date("2016-01-04T08:00:00Z");
const IN_2016 = "@stack-in-2016";

export function currentStack(): StackEndpoints {
  const current = scenarioStack ?? stack;
  if (!current) throw new Error("the stack is not running: the first Before hook did not complete");
  return current;
}

Before({ timeout: 120_000 }, async function ({ pickle }) {
  if (stack) return;
  stack = await externalEndpoints(process.env);
  if (stack) return;
  workerStackIn2016 = pickle.tags.some((t) => t.name === IN_2016);
  stack = await embeddedEndpoints(workerStackIn2016 ? { simStart: STACK_IN_2016_START } : {});
});

// Against a running stack (STACK_URL) as well: its clock is past 2016 and cannot be turned back, so such a scenario
// never runs there; the stack it gets is embedded in this process whatever the rest of the suite uses.
Before({ tags: IN_2016, timeout: 120_000 }, async function () {
  if (workerStackIn2016) return;
  scenarioStack = await embeddedEndpoints({ simStart: STACK_IN_2016_START, name: "2016" });
});

// Generated fiscal codes come from short lists of names and places: among the 2,400 citizens of 20 runs of the suite
// two share one about once in 500 such series (15 repeats in 200,000 draws). A citizen the stack already knows would
// start with another scenario's PIN, letters and timeline, so a kept-running stack's known one is drawn again.
Before({ name: "a citizen the stack has never met" }, async function (this: SimulatorWorld) {
  for (let draw = 1; ; draw++) {
    const timeline = await this.identity.simEvents(this.citizen.fiscalCode);
    if (!timeline.ok)
      throw new Error(`GET /__sim/citizens/${this.citizen.fiscalCode}/events answered ${timeline.status}`);
    if (timeline.body.events.length === 0) return;
    if (draw === 5) throw new Error("five generated fiscal codes in a row are known to the stack");
    this.drawCitizenAgain();
  }
});

After({ tags: IN_2016, timeout: 30_000 }, async function () {
  if (workerStackIn2016 && stack) {
    // Forward to where a worker's stack starts, for the scenarios that follow (a fixed start repeats the calendar).
    workerStackIn2016 = false;
    await createControlPlane(stack.identityUrl, stack.adminToken).setTo(simStartOf());
    return;
  }
  await scenarioStack?.close?.();
  scenarioStack = undefined;
});

AfterAll({ timeout: 30_000 }, async function () {
  await stack?.close?.();
  stack = undefined;
});
