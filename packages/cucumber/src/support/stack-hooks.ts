// One stack per worker process, started before its first scenario: never one per scenario (PGlite takes seconds),
// and never for a worker that gets no scenario (a run of one file on two workers starts one stack).
import { AfterAll, Before, setDefaultTimeout } from "@cucumber/cucumber";
import { embeddedEndpoints, externalEndpoints, type StackEndpoints } from "./stack-endpoints.ts";

setDefaultTimeout(30_000);

let stack: StackEndpoints | undefined;

export function currentStack(): StackEndpoints {
  if (!stack) throw new Error("the stack is not running: the first Before hook did not complete");
  return stack;
}

Before({ timeout: 120_000 }, async function () {
  stack ??= (await externalEndpoints(process.env)) ?? (await embeddedEndpoints());
});

AfterAll({ timeout: 30_000 }, async function () {
  await stack?.close?.();
  stack = undefined;
});
