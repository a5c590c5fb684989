// The World: one per scenario, holding the stack's endpoints, typed clients and what the scenario remembers.
import { setWorldConstructor, World, type IWorldOptions } from "@cucumber/cucumber";
import { createControlPlane, type ControlPlane } from "./control-plane.ts";
import { currentStack } from "./stack-hooks.ts";
import type { StackEndpoints } from "./stack-endpoints.ts";

export class SimulatorWorld extends World {
  readonly stack: StackEndpoints;
  readonly sim: ControlPlane;
  /** Values a scenario keeps between steps (an instant read earlier, an answer to compare). */
  readonly memory = new Map<string, unknown>();

  constructor(options: IWorldOptions) {
    super(options);
    this.stack = currentStack();
    this.sim = createControlPlane(this.stack.identityUrl, this.stack.adminToken);
  }

  remember<T>(key: string, value: T): T {
    this.memory.set(key, value);
    return value;
  }

  recall<T>(key: string): T {
    if (!this.memory.has(key)) throw new Error(`the scenario has not noted "${key}" yet`);
    return this.memory.get(key) as T;
  }
}

setWorldConstructor(SimulatorWorld);
