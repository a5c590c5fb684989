// Is a citizen's new 8-character PIN acceptable (R12: alphanumeric, secure, no easy combinations)?

import { lettersOf } from "../fiscal-code/name-codes.ts";
import { parseCalendarDate } from "../time/calendar-date.ts";
import { PIN_LENGTH } from "./alphabet.ts";
import { isCommonPin } from "./common-pins.ts";

export type PinRejection =
  | "length"
  | "charset"
  | "needs-letter-and-digit"
  | "sequence"
  | "repeated"
  | "few-distinct"
  | "personal-data"
  | "common";

export interface PinReason {
  code: PinRejection;
  message: string;
}

export type PinEvaluation = { ok: true } | { ok: false; reasons: PinReason[] };

/** What the PIN must not contain: the holder's own data. */
export interface PinContext {
  fiscalCode?: string;
  firstName?: string;
  lastName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
}

/** At least this many different characters (ignoring case), so "aab1aab1" cannot pass. */
export const MIN_DISTINCT_CHARACTERS = 5;
/** A run this long of consecutive or keyboard-adjacent characters is a sequence. */
const SEQUENCE_RUN = 4;
const KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

const MESSAGES: Record<PinRejection, string> = {
  length: `il nuovo PIN deve avere esattamente ${PIN_LENGTH} caratteri`,
  charset: "il nuovo PIN può contenere solo lettere (A–Z, a–z) e numeri",
  "needs-letter-and-digit": "il nuovo PIN deve contenere sia lettere sia numeri",
  sequence: `il nuovo PIN non deve contenere sequenze di ${SEQUENCE_RUN} o più caratteri come 1234, abcd o qwer`,
  repeated: "il nuovo PIN non deve ripetere un carattere tre volte di seguito né ripetere uno schema",
  "few-distinct": `il nuovo PIN deve usare almeno ${MIN_DISTINCT_CHARACTERS} caratteri diversi`,
  "personal-data":
    "il nuovo PIN non deve contenere il nome, il cognome, la data di nascita o parti del codice fiscale",
  common: "il nuovo PIN è tra le password più usate",
};

function windows(s: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= s.length; i++) out.push(s.slice(i, i + size));
  return out;
}

function hasSequence(lower: string): boolean {
  return windows(lower, SEQUENCE_RUN).some((w) => {
    const steps = [...w].slice(1).map((c, i) => c.charCodeAt(0) - w.charCodeAt(i));
    const sameClass = /^\d+$/.test(w) || /^[a-z]+$/.test(w);
    if (sameClass && (steps.every((d) => d === 1) || steps.every((d) => d === -1))) return true;
    const reversed = [...w].reverse().join("");
    return KEYBOARD_ROWS.some((row) => row.includes(w) || row.includes(reversed));
  });
}

function hasRepetition(lower: string): boolean {
  if (/(.)\1\1/.test(lower)) return true;
  // The whole PIN made of one short block repeated: abababab, ab12ab12.
  for (let unit = 1; unit <= lower.length / 2; unit++) {
    if (lower.length % unit === 0 && lower.slice(0, unit).repeat(lower.length / unit) === lower) return true;
  }
  return false;
}

function personalPieces(context: PinContext): string[] {
  const pieces: string[] = [];
  const birth = context.birthDate ? parseCalendarDate(context.birthDate) : null;
  if (birth) {
    const yyyy = String(birth.year).padStart(4, "0");
    const yy = yyyy.slice(2);
    const mm = String(birth.month).padStart(2, "0");
    const dd = String(birth.day).padStart(2, "0");
    pieces.push(yyyy, dd + mm, mm + dd, dd + mm + yy, yy + mm + dd);
  }
  for (const name of [context.firstName, context.lastName]) {
    for (const word of (name ?? "").split(/[\s'’-]+/)) {
      const letters = lettersOf(word).toLowerCase();
      // A short name counts whole; a longer one by any four letters in a row ("sand" of Alessandra).
      if (letters.length >= 3) pieces.push(...(letters.length <= 4 ? [letters] : windows(letters, 4)));
    }
  }
  if (context.fiscalCode) pieces.push(...windows(context.fiscalCode.trim().toLowerCase(), 4));
  return pieces;
}

/** Every reason the candidate fails, each with a stable code; `{ ok: true }` when there is none. */
export function evaluateNewPin(candidate: string, context: PinContext = {}): PinEvaluation {
  const failures = new Set<PinRejection>();
  const lower = candidate.toLowerCase();
  if ([...candidate].length !== PIN_LENGTH) failures.add("length");
  if (!/^[A-Za-z0-9]*$/.test(candidate)) failures.add("charset");
  if (!/[A-Za-z]/.test(candidate) || !/\d/.test(candidate)) failures.add("needs-letter-and-digit");
  if (hasSequence(lower)) failures.add("sequence");
  if (hasRepetition(lower)) failures.add("repeated");
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) failures.add("few-distinct");
  if (personalPieces(context).some((p) => lower.includes(p))) failures.add("personal-data");
  if (isCommonPin(candidate)) failures.add("common");
  if (failures.size === 0) return { ok: true };
  return { ok: false, reasons: [...failures].map((code) => ({ code, message: MESSAGES[code] })) };
}
