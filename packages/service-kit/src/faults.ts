// Faults a gateway can be told to show: answer with an error, never answer, or accept and never deliver.
import { seededRandom } from "@inps-sim/domain";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import type { ServiceEnv } from "./create-service-app.ts";

export const faultSpecSchema = z
  .object({
    mode: z.enum(["error", "timeout", "drop"]),
    status: z.number().int().min(400).max(599).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .strict();

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export type FaultDecision =
  { mode: "none" } | { mode: "error"; status: number } | { mode: "timeout" } | { mode: "drop" };

export interface FaultsView {
  active: FaultSpec | null;
  remaining: number | null;
  hits: number;
}

/** Holds the active fault of one gateway and decides, per request, whether it strikes. */
export class FaultInjector {
  #spec: FaultSpec | null = null;
  #remaining: number | null = null;
  #hits = 0;
  #generation = 0;
  #draw: () => number = () => 0;
  #waiting = new Set<() => void>();

  constructor(private readonly seed: string) {}

  set(spec: FaultSpec): FaultsView {
    this.#release();
    this.#spec = spec;
    this.#remaining = spec.count ?? null;
    this.#hits = 0;
    this.#generation++;
    // A new generator per fault, seeded by SIM_SEED and the fault's number: a run replays exactly.
    const rng = seededRandom(`${this.seed}:faults:${this.#generation}`);
    this.#draw = () => rng.next();
    return this.view();
  }

  clear(): void {
    this.#spec = null;
    this.#remaining = null;
    this.#release();
  }

  view(): FaultsView {
    return { active: this.#spec, remaining: this.#remaining, hits: this.#hits };
  }

  decide(): FaultDecision {
    const spec = this.#spec;
    if (!spec || this.#remaining === 0) return { mode: "none" };
    if (spec.probability !== undefined && this.#draw() >= spec.probability) return { mode: "none" };
    if (this.#remaining !== null) this.#remaining--;
    this.#hits++;
    if (spec.mode === "error") return { mode: "error", status: spec.status ?? 503 };
    return { mode: spec.mode };
  }

  /** Resolves when the fault is cleared or replaced (or after `maxMs`), so a "timeout" never leaks forever. */
  hold(maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      timer.unref?.();
      this.#waiting.add(done);
    });
  }

  #release(): void {
    for (const done of [...this.#waiting]) done();
  }
}

export type FaultEnv = ServiceEnv & { Variables: { dropDelivery?: boolean } };

/**
 * Middleware for `/api/v1/*`: `error` answers with the status, `timeout` holds the request until the
 * fault is lifted (up to `holdMs`), `drop` lets the request through with `dropDelivery` set so the
 * gateway accepts the message and never delivers it.
 */
export function faultInjection(
  faults: FaultInjector,
  options: { holdMs?: number } = {},
): MiddlewareHandler<FaultEnv> {
  return async (c, next) => {
    const decision = faults.decide();
    if (decision.mode === "error") {
      return c.json({ error: "simulated gateway fault", status: decision.status }, decision.status as 500);
    }
    if (decision.mode === "timeout") {
      await faults.hold(options.holdMs ?? 300_000);
      return c.json({ error: "simulated gateway timeout" }, 504);
    }
    if (decision.mode === "drop") c.set("dropDelivery", true);
    await next();
  };
}
