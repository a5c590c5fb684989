// The dates of after:/before:, read as Mailpit reads them (internal/storage/search.go:310-321, 467-496): with
// dateparse.ParseIn in the time zone of the request's `tz` (an IANA name; an unknown one is ignored), else in the
// server's zone, which for Mailpit's container image is UTC.

/** Minutes east of UTC in `zone` at the instant `at`. */
function zoneOffset(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The zone a `tz` parameter names, or UTC when it names none (Mailpit logs and ignores an invalid one). */
export function searchZone(tz: string | undefined): string {
  if (!tz) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

/** A wall-clock time in `zone` as an instant (the earlier one when a clock change repeats it). */
function inZone(wall: number, zone: string): Date {
  const first = wall - zoneOffset(wall, zone) * 60_000;
  return new Date(wall - zoneOffset(first, zone) * 60_000);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A search date: "2026-03-02", "2026-03-02 10:30[:00]" in `zone`; a value with its own offset is taken as it says. */
export function parseSearchDate(value: string, zone: string): Date | null {
  const v = value.trim();
  if (!v) return null;
  const m = WALL.exec(v);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    const check = new Date(wall);
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
    return inZone(wall, zone);
  }
  if (!/(Z|[+-]\d{2}:?\d{2}|GMT|UTC)$/i.test(v)) {
    // Another layout without an offset: read its wall time, then place it in the zone.
    const t = Date.parse(`${v} UTC`);
    return Number.isNaN(t) ? null : inZone(t, zone);
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t);
}
