// Is this string a well-formed fiscal code? Shape, month letter, day and check character; omocodia allowed.

import { checkCharacter } from "./check-character.ts";
import { decodeDateCode } from "./date-code.ts";
import { withDigits } from "./omocodia.ts";

export type FiscalCodeProblem = "length" | "format" | "birth-date" | "check-character";

export type FiscalCodeValidation =
  { ok: true; code: string } | { ok: false; reason: string; problem: FiscalCodeProblem };

/** Letters for name and date parts; in the seven numeric positions a digit or its omocodic letter. */
const SHAPE = /^[A-Z]{6}[\dLMNPQRSTUV]{2}[ABCDEHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/;

/** Validates and normalises (trimmed, uppercase) a fiscal code. The Belfiore code is not looked up here. */
export function validateFiscalCode(input: string): FiscalCodeValidation {
  const code = input.trim().toUpperCase();
  if (code.length !== 16) {
    return {
      ok: false,
      problem: "length",
      reason: `il codice fiscale ha 16 caratteri, questo ne ha ${code.length}`,
    };
  }
  if (!SHAPE.test(code)) {
    return {
      ok: false,
      problem: "format",
      reason:
        "il codice fiscale non ha la forma giusta (6 lettere, 2 cifre, la lettera del mese, 2 cifre, una lettera, 3 cifre, una lettera)",
    };
  }
  if (!decodeDateCode(withDigits(code.slice(0, 15)).slice(6, 11))) {
    return {
      ok: false,
      problem: "birth-date",
      reason: "la data di nascita contenuta nel codice fiscale non è un giorno esistente",
    };
  }
  if (checkCharacter(code.slice(0, 15)) !== code[15]) {
    return {
      ok: false,
      problem: "check-character",
      reason: "il carattere di controllo del codice fiscale (l'ultimo) è errato",
    };
  }
  return { ok: true, code };
}

export function isValidFiscalCode(input: string): boolean {
  return validateFiscalCode(input).ok;
}
