// The simulated clock: wall time plus an offset that only grows. Wall time is injected, so this stays pure.

export interface Clock {
  now(): Date;
}

export class ClockBackwardsError extends Error {
  readonly code = "clock-backwards";
  constructor(
    readonly requested: Date,
    readonly current: Date,
  ) {
    super(`cannot set the clock to ${requested.toISOString()}: it is already ${current.toISOString()}`);
  }
}

/**
 * The instants the simulated clock may hold. Past the upper bound the database's timestamps and the calendar code
 * stop behaving (year 9999 broke the dispatcher for good); 2200 leaves room for any 180-day or 90-day rule.
 */
export const CLOCK_RANGE = {
  min: new Date("1970-01-01T00:00:00.000Z"),
  max: new Date("2200-12-31T23:59:59.999Z"),
} as const;

export class ClockOutOfRangeError extends Error {
  readonly code = "clock-out-of-range";
  constructor(readonly requested: number) {
    super(
      `the simulated clock holds instants from ${CLOCK_RANGE.min.toISOString()} to ${CLOCK_RANGE.max.toISOString()}; ` +
        `${Number.isFinite(requested) ? new Date(requested).toISOString() : "the requested instant"} is outside`,
    );
  }
}

export function inClockRange(t: number): boolean {
  return Number.isFinite(t) && t >= CLOCK_RANGE.min.getTime() && t <= CLOCK_RANGE.max.getTime();
}

export interface SimulatedClockOptions {
  /** Milliseconds since the epoch of the real world; the adapter passes Date.now. */
  wallTime: () => number;
  offsetMs?: number;
}

export class SimulatedClock implements Clock {
  readonly #wallTime: () => number;
  #offsetMs: number;
  /** Guards against a wall clock stepping back (NTP): simulated time still never does. */
  #last = Number.NEGATIVE_INFINITY;

  constructor(options: SimulatedClockOptions) {
    this.#wallTime = options.wallTime;
    this.#offsetMs = options.offsetMs ?? 0;
  }

  /** A clock whose current instant is `start`. */
  static startingAt(start: Date, wallTime: () => number): SimulatedClock {
    return new SimulatedClock({ wallTime, offsetMs: start.getTime() - wallTime() });
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  now(): Date {
    const t = Math.max(this.#wallTime() + this.#offsetMs, this.#last);
    this.#last = t;
    return new Date(t);
  }

  advance(ms: number): Date {
    if (Number.isNaN(ms) || ms < 0) throw new RangeError(`the clock only moves forward (asked ${ms} ms)`);
    const before = this.now();
    if (!inClockRange(before.getTime() + ms)) throw new ClockOutOfRangeError(before.getTime() + ms);
    this.#offsetMs += ms;
    return this.#moveTo(before.getTime() + ms);
  }

  /** Moves to `instant`; refuses one in the past. */
  setTo(instant: Date): Date {
    if (!inClockRange(instant.getTime())) throw new ClockOutOfRangeError(instant.getTime());
    const current = this.now();
    if (instant.getTime() < current.getTime()) throw new ClockBackwardsError(instant, current);
    return this.advance(instant.getTime() - current.getTime());
  }

  /** Moves to `instant` if it is ahead; stays put otherwise. Used to keep a stack's clocks together. */
  catchUpTo(instant: Date): Date {
    if (!inClockRange(instant.getTime())) throw new ClockOutOfRangeError(instant.getTime());
    const current = this.now();
    return instant.getTime() > current.getTime()
      ? this.advance(instant.getTime() - current.getTime())
      : current;
  }

  #moveTo(t: number): Date {
    this.#last = Math.max(this.#last, t);
    return new Date(t);
  }
}

/** A clock that stands still unless told to move: for unit tests of rules that read the time. */
export class ManualClock implements Clock {
  #t: number;
  constructor(start: Date | string) {
    this.#t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#t);
  }
  advance(ms: number): Date {
    if (ms < 0) throw new RangeError("the clock only moves forward");
    this.#t += ms;
    return this.now();
  }
}
