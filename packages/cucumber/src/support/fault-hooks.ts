// Whatever fault a scenario switched on is switched off after it, pass or fail, so the next scenario on this stack starts clean.
import { After } from "@cucumber/cucumber";
import type { SimulatorWorld } from "./world.ts";

After(async function (this: SimulatorWorld) {
  if (this.connected) await this.faults.clearAllSet();
});
