// The five characters for birth date and gender: year (2 digits), month letter, day (+40 for women).

import { type CalendarDate } from "../time/calendar-date.ts";

/** January … December. */
export const MONTH_LETTERS = "ABCDEHLMPRST";

export type Gender = "M" | "F";

export function dateCode(birth: CalendarDate, gender: Gender): string {
  const year = String(birth.year % 100).padStart(2, "0");
  const day = String(birth.day + (gender === "F" ? 40 : 0)).padStart(2, "0");
  return `${year}${MONTH_LETTERS[birth.month - 1]}${day}`;
}

/** What a code says of the birth: the year only modulo 100, since the code does not carry the century. */
export interface DecodedBirth {
  yearOfCentury: number;
  month: number;
  day: number;
  gender: Gender;
}

/** Decodes the 5 date characters (digits already restored from omocodia); null when they are not a date. */
export function decodeDateCode(five: string): DecodedBirth | null {
  if (!/^\d{2}[A-Z]\d{2}$/.test(five)) return null;
  const month = MONTH_LETTERS.indexOf(five[2]!) + 1;
  const rawDay = Number(five.slice(3));
  const gender: Gender = rawDay > 40 ? "F" : "M";
  const day = gender === "F" ? rawDay - 40 : rawDay;
  const yearOfCentury = Number(five.slice(0, 2));
  // The code does not carry the century, so 29 February stands for a leap year in some century: any year
  // of century divisible by 4 (00 included: 2000 was one). Other years, like 2001 or 1999, never are.
  const maxDay =
    month === 2 ? (yearOfCentury % 4 === 0 ? 29 : 28) : new Date(Date.UTC(2001, month, 0)).getUTCDate();
  if (month < 1 || day < 1 || day > maxDay) return null;
  return { yearOfCentury, month, day, gender };
}
