// Times as Mailpit's JSON writes them: Go's RFC 3339 with nanoseconds (time.RFC3339Nano), so trailing zeros of the
// fraction are left out, and an offset of zero is "Z".

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** An instant at a fixed offset from UTC (minutes east), formatted as Go's time.MarshalJSON does. */
export function goTime(at: Date, offsetMinutes = 0): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const ms = local.getUTCMilliseconds();
  const fraction = ms === 0 ? "" : `.${pad(ms, 3).replace(/0+$/, "")}`;
  const zone =
    offsetMinutes === 0
      ? "Z"
      : `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${zone}`
  );
}

const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/** The offset a Date header gives (`+0100`, `-0500`, `GMT`, …), in minutes east of UTC; 0 when it names none. */
export function dateHeaderOffset(header: string): number {
  const value = header.replace(/\([^)]*\)\s*$/, "").trim();
  const numeric = /([+-])(\d{2})(\d{2})$/.exec(value);
  if (numeric) return (numeric[1] === "-" ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  const named = /([A-Za-z]+)$/.exec(value);
  return named ? (NAMED_ZONES[named[1]!.toUpperCase()] ?? 0) : 0;
}
