// A complete, consistent simulated citizen: names, birth, birth place, residence, contacts, fiscal code.

import { generateFiscalCode } from "../fiscal-code/generate.ts";
import { belfioreInForce } from "../fiscal-code/municipalities.ts";
import type { Gender } from "../fiscal-code/date-code.ts";
import { randomInt, randomString, type RandomSource } from "../random.ts";
import { daysInMonth, formatCalendarDate } from "../time/calendar-date.ts";
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS } from "./names.ts";
import { PLACES } from "./places.ts";

export interface Persona {
  firstName: string;
  lastName: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Belfiore code of the birth place. */
  birthPlace: string;
  birthMunicipality: string;
  birthProvince: string;
  fiscalCode: string;
  residence: { street: string; postalCode: string; city: string; province: string };
  email: string;
  /** E.164, an Italian mobile number. */
  mobile: string;
}

export interface PersonaOptions {
  /** Birth years, inclusive; default 1940–2005, so every persona is an adult on any plausible simulated date. */
  bornFrom?: number;
  bornTo?: number;
}

/** Prefixes of Italian mobile operators (TIM, Vodafone, WindTre, Iliad, …). */
const MOBILE_PREFIXES = [
  "320",
  "324",
  "328",
  "329",
  "330",
  "333",
  "335",
  "338",
  "339",
  "340",
  "342",
  "347",
  "348",
  "349",
  "351",
  "366",
  "371",
  "380",
  "388",
  "389",
  "391",
  "392",
  "393",
];

function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[randomInt(random, items.length)]!;
}

function asciiLower(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export function randomPersona(random: RandomSource, options: PersonaOptions = {}): Persona {
  const from = options.bornFrom ?? 1940;
  const to = options.bornTo ?? 2005;
  const gender: Gender = randomInt(random, 2) === 0 ? "M" : "F";
  const firstName = pick(random, gender === "M" ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  const year = from + randomInt(random, to - from + 1);
  const month = 1 + randomInt(random, 12);
  const day = 1 + randomInt(random, daysInMonth(year, month));
  const birthDate = formatCalendarDate({ year, month, day });
  const birth = { year, month, day };
  const existing = PLACES.filter((p) => belfioreInForce(p.belfiore, birth));
  const born = pick(random, existing.length > 0 ? existing : PLACES);
  const lives = pick(random, PLACES);
  const street = `${pick(random, STREETS)} ${1 + randomInt(random, 150)}`;
  // A random tag keeps two personas with the same name from sharing an inbox.
  const tag = randomString(random, "abcdefghijkmnpqrstuvwxyz23456789", 4);
  return {
    firstName,
    lastName,
    gender,
    birthDate,
    birthPlace: born.belfiore,
    birthMunicipality: born.municipality,
    birthProvince: born.province,
    fiscalCode: generateFiscalCode({ firstName, lastName, gender, birthDate, birthPlace: born.belfiore }),
    residence: { street, postalCode: lives.postalCode, city: lives.municipality, province: lives.province },
    email: `${asciiLower(firstName)}.${asciiLower(lastName)}.${tag}@example.it`,
    mobile: `+39${pick(random, MOBILE_PREFIXES)}${randomString(random, "0123456789", 7)}`,
  };
}
