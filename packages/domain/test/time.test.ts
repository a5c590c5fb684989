import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addDuration,
  ClockBackwardsError,
  DAY_MS,
  InvalidDurationError,
  ManualClock,
  parseCalendarDate,
  parseDuration,
  SimulatedClock,
} from "../src/index.ts";

type Step =
  | { kind: "wall"; delta: number }
  | { kind: "advance"; ms: number }
  | { kind: "setTo"; offset: number }
  | { kind: "catchUp"; offset: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("wall" as const), delta: fc.integer({ min: -60_000, max: 60_000 }) }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 10 * DAY_MS }) }),
  fc.record({ kind: fc.constant("setTo" as const), offset: fc.integer({ min: -DAY_MS, max: DAY_MS }) }),
  fc.record({ kind: fc.constant("catchUp" as const), offset: fc.integer({ min: -DAY_MS, max: DAY_MS }) }),
);

describe("SimulatedClock", () => {
  it("never goes backwards, whatever the wall clock and the control plane do", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let wall = 1_700_000_000_000;
        const clock = SimulatedClock.startingAt(new Date("2025-01-01T00:00:00Z"), () => wall);
        let last = clock.now().getTime();
        for (const s of steps) {
          if (s.kind === "wall")
            wall += s.delta; // NTP may step the machine's clock back
          else if (s.kind === "advance") clock.advance(s.ms);
          else if (s.kind === "catchUp") clock.catchUpTo(new Date(last + s.offset));
          else {
            const target = new Date(last + s.offset);
            if (s.offset < 0) expect(() => clock.setTo(target)).toThrow(ClockBackwardsError);
            else expect(clock.setTo(target).getTime()).toBeGreaterThanOrEqual(target.getTime());
          }
          const now = clock.now().getTime();
          expect(now).toBeGreaterThanOrEqual(last);
          last = now;
        }
      }),
    );
  });

  it("moves by exactly what it is asked when the wall clock stands still", () => {
    const clock = SimulatedClock.startingAt(new Date("2025-01-01T00:00:00Z"), () => 0);
    clock.advance(3 * 60_000);
    expect(clock.now().toISOString()).toBe("2025-01-01T00:03:00.000Z");
    expect(clock.setTo(new Date("2025-04-01T00:00:00Z")).toISOString()).toBe("2025-04-01T00:00:00.000Z");
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.setTo(new Date("2025-03-31T00:00:00Z"))).toThrow(ClockBackwardsError);
  });

  it("reports the code the contract uses for a backwards setTo", () => {
    const clock = SimulatedClock.startingAt(new Date("2025-01-01T00:00:00Z"), () => 0);
    try {
      clock.setTo(new Date("2024-01-01T00:00:00Z"));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "clock-backwards" });
    }
  });

  it("ManualClock stands still until told", () => {
    const clock = new ManualClock("2025-01-01T00:00:00Z");
    expect(clock.now()).toEqual(clock.now());
    clock.advance(DAY_MS);
    expect(clock.now().toISOString()).toBe("2025-01-02T00:00:00.000Z");
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe("durations", () => {
  it.each([
    ["P91D", { days: 91 }],
    ["PT3M", { minutes: 3 }],
    ["P1Y2M10DT2H30M", { years: 1, months: 2, days: 10, hours: 2, minutes: 30 }],
    ["P2W", { weeks: 2 }],
    ["PT1.5S", { seconds: 1.5 }],
    ["pt180s", { seconds: 180 }],
  ])("parses %s", (input, fields) => {
    expect(parseDuration(input)).toMatchObject({
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      ...fields,
    });
  });

  it.each(["", "P", "PT", "3M", "P3", "PT3", "P1DT", "P-1D", "1 day", "P1M2Y"])("refuses %s", (input) => {
    expect(() => parseDuration(input)).toThrow(InvalidDurationError);
  });

  it("adds months on the calendar, clamping to the month's end", () => {
    expect(addDuration(new Date("2025-01-31T10:00:00Z"), "P1M").toISOString()).toBe(
      "2025-02-28T10:00:00.000Z",
    );
    expect(addDuration(new Date("2024-01-31T10:00:00Z"), "P1M").toISOString()).toBe(
      "2024-02-29T10:00:00.000Z",
    );
    expect(addDuration(new Date("2025-03-10T09:00:00Z"), "P6M").toISOString()).toBe(
      "2025-09-10T09:00:00.000Z",
    );
    expect(addDuration(new Date("2025-03-10T09:00:00Z"), "PT3M").toISOString()).toBe(
      "2025-03-10T09:03:00.000Z",
    );
  });

  it("agrees with addDays for whole days", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1000 }),
        (d, n) => {
          expect(addDuration(d, `P${n}D`).getTime()).toBe(addDays(d, n).getTime());
        },
      ),
    );
  });
});

describe("calendar dates", () => {
  it("accepts real days only", () => {
    expect(parseCalendarDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate("2000-02-29")).not.toBeNull();
    for (const bad of ["2023-02-29", "1900-02-29", "2025-04-31", "2025-00-10", "2025-1-10", "10/01/2025"])
      expect(parseCalendarDate(bad)).toBeNull();
  });
});
