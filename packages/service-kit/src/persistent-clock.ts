// The simulated clock of one service, with its offset kept in the service's own sim_clock table.
import { ClockBackwardsError, SimulatedClock, type Clock } from "@inps-sim/domain";
import type { Database, simClockTable } from "@inps-sim/db";
import { eq } from "drizzle-orm";

type ClockTable = ReturnType<typeof simClockTable>;

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
}

export async function loadPersistentClock(options: LoadClockOptions): Promise<StackClock> {
  const { db, table } = options;
  const wallTime = options.wallTime ?? Date.now;
  const rows = await db.select().from(table).where(eq(table.id, "clock"));
  let clock: SimulatedClock;
  const stored = rows[0];
  if (stored) {
    clock = new SimulatedClock({ wallTime, offsetMs: stored.offsetMs });
  } else {
    clock = options.start ? SimulatedClock.startingAt(options.start, wallTime) : new SimulatedClock({ wallTime });
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
