// Working days in Italy, in Europe/Rome time: no Saturdays, Sundays or national public holidays.
//
// The holidays are computed here rather than read from `date-holidays`: the list is short and fixed by
// law, Easter is a formula, and a library update must never move a letter's delivery date between two
// runs with the same seed. The tests check this table against date-holidays year by year.

import { isoDate, type IsoDate } from "@inps-sim/domain";

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const FIXED_HOLIDAYS: Array<[string, string]> = [
  ["01-01", "Capodanno"],
  ["01-06", "Epifania"],
  ["04-25", "Festa della Liberazione"],
  ["05-01", "Festa del lavoro"],
  ["06-02", "Festa della Repubblica"],
  ["08-15", "Ferragosto"],
  ["11-01", "Ognissanti"],
  ["12-08", "Immacolata Concezione"],
  ["12-25", "Natale"],
  ["12-26", "Santo Stefano"],
];

const holidayCache = new Map<number, Map<IsoDate, string>>();

/** Italy's national public holidays of `year`, date → name. */
export function italianHolidays(year: number): Map<IsoDate, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Map<IsoDate, string>();
  for (const [md, name] of FIXED_HOLIDAYS) days.set(`${String(year).padStart(4, "0")}-${md}`, name);
  const easter = easterSunday(year);
  days.set(easter, "Pasqua");
  days.set(addDays(easter, 1), "Lunedì dell'Angelo (Pasquetta)");
  // Law 151/2025 made St Francis' day a national holiday again from 2026.
  if (year >= 2026) days.set(`${year}-10-04`, "San Francesco d'Assisi");
  // A one-off national holiday: the 150th anniversary of Italy's unification.
  if (year === 2011) days.set("2011-03-17", "150° anniversario dell'Unità d'Italia");
  holidayCache.set(year, days);
  return days;
}

export function isWorkingDay(date: IsoDate): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !italianHolidays(y).has(date);
}

/** The `n`-th working day after `date` (the day itself never counts). */
export function nthWorkingDayAfter(date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let found = 0; found < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) found++;
  }
  return day;
}
