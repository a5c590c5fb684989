// ISO-8601 durations ("P91D", "PT3M", "P1Y2M", "P2W"), applied on the calendar so a month is a month.

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export class InvalidDurationError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not an ISO-8601 duration such as P91D, PT3M or P1Y2M10DT2H30M`);
  }
}

export function parseDuration(input: string): Duration {
  const match = PATTERN.exec(input.trim().toUpperCase());
  if (!match) throw new InvalidDurationError(input);
  const n = (i: number) => Number((match[i] ?? "0").replace(",", "."));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** The instant `duration` after `from`, years and months on the UTC calendar, the rest exact. */
export function addDuration(from: Date, duration: Duration | string): Date {
  const d = typeof duration === "string" ? parseDuration(duration) : duration;
  const result = new Date(from.getTime());
  if (d.years || d.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + d.years * 12 + d.months);
    // Clamp 31 Jan + P1M to the last day of February rather than spilling into March.
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const ms =
    (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + Math.round(d.seconds * 1000);
  return new Date(result.getTime() + ms);
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}
