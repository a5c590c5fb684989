// Computes the fiscal code of a (simulated) person, check character included.

import { randomInt, type RandomSource } from "../random.ts";
import { parseCalendarDate } from "../time/calendar-date.ts";
import { checkCharacter } from "./check-character.ts";
import { dateCode } from "./date-code.ts";
import { belfioreInForce, resolveBirthPlaceAt } from "./municipalities.ts";
import { firstNameCode, surnameCode } from "./name-codes.ts";
import { omocodicVariant15 } from "./omocodia.ts";
import type { FiscalCodePerson } from "./person.ts";

export class FiscalCodeInputError extends Error {
  readonly code = "fiscal-code-input";
}

/** A few large municipalities, drawn when a person has no birth place. */
const FALLBACK_BIRTH_PLACES = ["H501", "F205", "F839", "L219", "G273", "D969", "A944", "D612"];

/**
 * The code of `person`. A missing birth place is drawn with `random` among places that existed on the
 * birth date; a name (or code) is resolved through the ISTAT list to the code in force on the birth date
 * (use "Name (PR)" when the name exists in several provinces). A place suppressed before the birth is refused.
 */
export function generateFiscalCode(person: FiscalCodePerson, random?: RandomSource): string {
  const birth = parseCalendarDate(person.birthDate);
  if (!birth) throw new FiscalCodeInputError(`birth date "${person.birthDate}" is not YYYY-MM-DD`);
  let place: string;
  if (person.birthPlace !== undefined) {
    const resolved = resolveBirthPlaceAt(person.birthPlace, birth);
    if (!resolved.ok) throw new FiscalCodeInputError(resolved.message);
    place = resolved.code;
  } else {
    if (!random) throw new FiscalCodeInputError("no birth place and no random source to draw one");
    const existing = FALLBACK_BIRTH_PLACES.filter((code) => belfioreInForce(code, birth));
    // Before the first of these cities' dates (a boundary change, not a foundation) any of them will do.
    const drawFrom = existing.length > 0 ? existing : FALLBACK_BIRTH_PLACES;
    place = drawFrom[randomInt(random, drawFrom.length)]!;
  }
  const first15 =
    surnameCode(person.lastName) + firstNameCode(person.firstName) + dateCode(birth, person.gender) + place;
  return first15 + checkCharacter(first15);
}

/** The `level`-th omocodic variant (1–7) of a code, as the Agenzia would issue it to a second homonym. */
export function omocodicVariant(code: string, level: number): string {
  const first15 = omocodicVariant15(code.trim().toUpperCase().slice(0, 15), level);
  return first15 + checkCharacter(first15);
}
