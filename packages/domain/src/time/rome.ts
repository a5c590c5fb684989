// Europe/Rome wall time: the one place an instant becomes an Italian date or time (letters, messages, pages).

const ROME = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

/** A calendar day as YYYY-MM-DD. */
export type IsoDate = string;

export interface RomeWallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock on a wall in Rome shows at `instant`. */
export function romeWallTime(instant: Date): RomeWallTime {
  const f: Record<string, number> = {};
  for (const p of ROME.formatToParts(instant)) if (p.type !== "literal") f[p.type] = Number(p.value);
  return {
    year: f.year ?? 1970,
    month: f.month ?? 1,
    day: f.day ?? 1,
    hour: f.hour ?? 0,
    minute: f.minute ?? 0,
    second: f.second ?? 0,
  };
}

const two = (n: number) => String(n).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`;
}

/** The day it is in Rome at `instant`, as YYYY-MM-DD. */
export function romeDateOf(instant: Date): IsoDate {
  const t = romeWallTime(instant);
  return isoDate(t.year, t.month, t.day);
}

/** 31/03/2026, as Italian letters write dates. */
export function italianDate(instant: Date): string {
  const t = romeWallTime(instant);
  return `${two(t.day)}/${two(t.month)}/${t.year}`;
}

/** 14:05 in Rome. */
export function italianTime(instant: Date): string {
  const t = romeWallTime(instant);
  return `${two(t.hour)}:${two(t.minute)}`;
}

/** 31/03/2026 14:05 in Rome: what the inbox pages show. */
export function italianDateTime(instant: Date): string {
  return `${italianDate(instant)} ${italianTime(instant)}`;
}

/** 31 marzo 2026: a letter's date line. */
export function italianLongDate(instant: Date): string {
  const t = romeWallTime(instant);
  return `${t.day} ${MONTHS[t.month - 1] ?? ""} ${t.year}`;
}

/** Rome's offset from UTC at `instant`, in ms (+1 h in winter, +2 h in summer). */
function romeOffsetMs(instant: Date): number {
  const t = romeWallTime(instant);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Rome's offset from UTC at `instant` as mail headers and PEC receipts write it: +0100 in winter, +0200 in summer. */
export function romeOffset(instant: Date): string {
  const minutes = Math.round(romeOffsetMs(instant) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}

/** The instant it is `hour:minute` in Rome on `date`. */
export function romeInstant(date: IsoDate, hour: number, minute = 0): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, hour, minute);
  let t = local - romeOffsetMs(new Date(local));
  t = local - romeOffsetMs(new Date(t));
  return new Date(t);
}
