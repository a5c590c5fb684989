// The simulated clock of one service, with its offset kept in the service's own sim_clock table.
import { CLOCK_RANGE, ClockBackwardsError, SimulatedClock, inClockRange, type Clock } from "@inps-sim/domain";
import type { Database, simClockTable } from "@inps-sim/db";
import { eq } from "drizzle-orm";

type ClockTable = ReturnType<typeof simClockTable>;

/** Where a stored clock past the range is clamped to: the range's last day, so the clock can still tick. */
const CLAMP_HIGH = new Date(CLOCK_RANGE.max.getTime() - 24 * 60 * 60 * 1000 + 1);

export interface StackClock extends Clock {
  advance(ms: number): Promise<Date>;
  setTo(instant: Date): Promise<Date>;
  catchUpTo(instant: Date): Promise<Date>;
}

export interface LoadClockOptions {
  db: Database;
  table: ClockTable;
  /** Where simulated time starts when nothing is stored yet (SIM_START); unset: the wall clock's now. */
  start?: Date | undefined;
  wallTime?: () => number;
  /** Told when a stored clock outside the range is clamped at start. */
  onClamped?: (stored: string, clampedTo: Date) => void;
}

export async function loadPersistentClock(options: LoadClockOptions): Promise<StackClock> {
  const { db, table } = options;
  const wallTime = options.wallTime ?? Date.now;
  const rows = await db.select().from(table).where(eq(table.id, "clock"));
  let clock: SimulatedClock;
  const stored = rows[0];
  if (stored) {
    clock = new SimulatedClock({ wallTime, offsetMs: stored.offsetMs });
    const at = wallTime() + stored.offsetMs;
    if (!inClockRange(at)) {
      // A clock stored before the range existed (or written by hand) would break every timestamp the service
      // writes: it is clamped into the range, and the start says so, rather than failing every request after it.
      const clampedTo = at < CLOCK_RANGE.min.getTime() ? CLOCK_RANGE.min : CLAMP_HIGH;
      clock = SimulatedClock.startingAt(clampedTo, wallTime);
      await persist(clock.offsetMs);
      options.onClamped?.(
        Number.isFinite(at) ? new Date(at).toISOString() : `offset ${stored.offsetMs} ms`,
        clampedTo,
      );
    }
  } else {
    clock = options.start
      ? SimulatedClock.startingAt(options.start, wallTime)
      : new SimulatedClock({ wallTime });
    await persist(clock.offsetMs);
  }

  async function persist(offsetMs: number): Promise<void> {
    const updatedAt = new Date(wallTime());
    await db
      .insert(table)
      .values({ id: "clock", offsetMs, updatedAt })
      .onConflictDoUpdate({ target: table.id, set: { offsetMs, updatedAt } });
  }

  // Moves are applied in memory at once (so concurrent readers never see time go back) and then stored.
  return {
    now: () => clock.now(),
    async advance(ms) {
      const t = clock.advance(ms);
      await persist(clock.offsetMs);
      return t;
    },
    async setTo(instant) {
      const t = clock.setTo(instant);
      await persist(clock.offsetMs);
      return t;
    },
    async catchUpTo(instant) {
      const t = clock.catchUpTo(instant);
      await persist(clock.offsetMs);
      return t;
    },
  };
}

export { ClockBackwardsError };

/** A simulated clock kept in memory only: for building an app without a database (its OpenAPI document). */
export function memoryClock(start: Date): StackClock {
  const clock = SimulatedClock.startingAt(start, Date.now);
  return {
    now: () => clock.now(),
    advance: async (ms) => clock.advance(ms),
    setTo: async (instant) => clock.setTo(instant),
    catchUpTo: async (instant) => clock.catchUpTo(instant),
  };
}
