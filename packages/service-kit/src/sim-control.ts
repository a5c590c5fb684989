// The /__sim control plane every service mounts: token check, simulated clock, reset, and service extras.
import { timingSafeEqual } from "node:crypto";
import {
  CLOCK_RANGE,
  ClockBackwardsError,
  ClockOutOfRangeError,
  InvalidDurationError,
  addDuration,
  inClockRange,
} from "@inps-sim/domain";
import { Hono } from "hono";
import { z } from "zod";
import { readJson, toProblem, type ServiceEnv } from "./create-service-app.ts";
import { problem, validationFailed } from "./problem.ts";
import type { StackClock } from "./persistent-clock.ts";
import { faultSpecSchema, type FaultInjector } from "./faults.ts";

export const clockMoveSchema = z.union([
  z.object({ advanceBy: z.string().min(2) }).strict(),
  z.object({ setTo: z.iso.datetime({ offset: true }) }).strict(),
  // Used by the identity service to bring a gateway level with it: forward only, never back.
  z.object({ syncTo: z.iso.datetime({ offset: true }) }).strict(),
]);

export type ClockMove = z.infer<typeof clockMoveSchema>;

export interface SimControlOptions {
  token: string;
  clock: StackClock;
  /** Deletes every record of the service. */
  reset: () => Promise<void>;
  /** Runs after the clock moved (the identity service forwards the move; gateways deliver what is due). */
  onClockMoved?: (now: Date, move: ClockMove) => Promise<void>;
  faults?: FaultInjector;
  /** Adds service-specific control routes (e.g. `/citizens`, `/outbox`) behind the same token check. */
  extend?: (sim: Hono<ServiceEnv>) => void;
}

export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSimControl(options: SimControlOptions): Hono<ServiceEnv> {
  const sim = new Hono<ServiceEnv>();
  sim.onError((error, c) => toProblem(error, c));

  sim.use("*", async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!token || !tokensEqual(token, options.token)) {
      return problem(c, {
        status: 401,
        code: "unauthenticated",
        title: "The control plane needs the admin token",
        detail: "Send Authorization: Bearer <SIM_ADMIN_TOKEN>; the embedded stack prints it at start.",
        headers: { "www-authenticate": 'Bearer realm="__sim"' },
      });
    }
    await next();
  });

  sim.get("/clock", (c) => c.json({ now: options.clock.now().toISOString() }));

  sim.post("/clock", async (c) => {
    const move = await readJson(c.req, clockMoveSchema);
    let now: Date;
    try {
      if ("advanceBy" in move) {
        const from = options.clock.now();
        const to = addDuration(from, move.advanceBy).getTime();
        if (!inClockRange(to)) throw new ClockOutOfRangeError(to);
        now = await options.clock.advance(to - from.getTime());
      } else if ("setTo" in move) {
        now = await options.clock.setTo(new Date(move.setTo));
      } else {
        now = await options.clock.catchUpTo(new Date(move.syncTo));
      }
    } catch (error) {
      if (error instanceof ClockOutOfRangeError) {
        return problem(c, {
          status: 400,
          code: "clock-out-of-range",
          title: "The simulated clock cannot hold that instant",
          detail: error.message,
          extra: {
            min: CLOCK_RANGE.min.toISOString(),
            max: CLOCK_RANGE.max.toISOString(),
            now: options.clock.now().toISOString(),
          },
        });
      }
      if (error instanceof InvalidDurationError)
        throw validationFailed([{ path: "advanceBy", message: error.message }]);
      if (error instanceof ClockBackwardsError) {
        return problem(c, {
          status: 409,
          code: "clock-backwards",
          title: "Simulated time never goes backwards",
          detail: error.message,
          extra: { now: error.current.toISOString() },
        });
      }
      if (error instanceof RangeError)
        throw validationFailed([{ path: "advanceBy", message: error.message }]);
      throw error;
    }
    await options.onClockMoved?.(now, move);
    return c.json({ now: now.toISOString() });
  });

  sim.post("/reset", async (c) => {
    await options.reset();
    options.faults?.clear();
    return c.body(null, 204);
  });

  const faults = options.faults;
  if (faults) {
    sim.get("/faults", (c) => c.json(faults.view()));
    sim.put("/faults", async (c) => c.json(faults.set(await readJson(c.req, faultSpecSchema))));
    sim.delete("/faults", (c) => {
      faults.clear();
      return c.body(null, 204);
    });
  }

  options.extend?.(sim);
  return sim;
}
