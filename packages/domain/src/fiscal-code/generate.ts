// Computes the fiscal code of a (simulated) person, check character included.

import { randomInt, type RandomSource } from "../random.ts";
import { parseCalendarDate } from "../time/calendar-date.ts";
import { checkCharacter } from "./check-character.ts";
import { dateCode } from "./date-code.ts";
import { resolveBirthPlace } from "./municipalities.ts";
import { firstNameCode, surnameCode } from "./name-codes.ts";
import { omocodicVariant15 } from "./omocodia.ts";
import type { FiscalCodePerson } from "./person.ts";

export class FiscalCodeInputError extends Error {
  readonly code = "fiscal-code-input";
}

/** A few large municipalities, drawn when a person has no birth place. */
const FALLBACK_BIRTH_PLACES = ["H501", "F205", "F839", "L219", "G273", "D969", "A944", "D612"];

/**
 * The code of `person`. A missing birth place is drawn with `random`; a name is resolved through the
 * ISTAT list (use "Name (PR)" when the name exists in several provinces).
 */
export function generateFiscalCode(person: FiscalCodePerson, random?: RandomSource): string {
  const birth = parseCalendarDate(person.birthDate);
  if (!birth) throw new FiscalCodeInputError(`birth date "${person.birthDate}" is not YYYY-MM-DD`);
  let place: string | null;
  if (person.birthPlace !== undefined) {
    place = resolveBirthPlace(person.birthPlace);
    if (!place) throw new FiscalCodeInputError(`birth place "${person.birthPlace}" is unknown or ambiguous`);
  } else {
    if (!random) throw new FiscalCodeInputError("no birth place and no random source to draw one");
    place = FALLBACK_BIRTH_PLACES[randomInt(random, FALLBACK_BIRTH_PLACES.length)]!;
  }
  const first15 = surnameCode(person.lastName) + firstNameCode(person.firstName) + dateCode(birth, person.gender) + place;
  return first15 + checkCharacter(first15);
}

/** The `level`-th omocodic variant (1–7) of a code, as the Agenzia would issue it to a second homonym. */
export function omocodicVariant(code: string, level: number): string {
  const first15 = omocodicVariant15(code.trim().toUpperCase().slice(0, 15), level);
  return first15 + checkCharacter(first15);
}
