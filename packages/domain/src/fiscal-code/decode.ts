// What a valid fiscal code says about its holder, with omocodic letters read back as digits.

import { decodeDateCode, type DecodedBirth } from "./date-code.ts";
import { withDigits } from "./omocodia.ts";
import { validateFiscalCode } from "./validate.ts";

export interface DecodedFiscalCode extends DecodedBirth {
  surnameCode: string;
  firstNameCode: string;
  /** The Belfiore code of the birth place (a municipality, or Z… for a foreign state). */
  birthPlace: string;
}

/** Null for an invalid code. */
export function decodeFiscalCode(input: string): DecodedFiscalCode | null {
  const valid = validateFiscalCode(input);
  if (!valid.ok) return null;
  const plain = withDigits(valid.code.slice(0, 15));
  const birth = decodeDateCode(plain.slice(6, 11));
  if (!birth) return null;
  return {
    surnameCode: plain.slice(0, 3),
    firstNameCode: plain.slice(3, 6),
    ...birth,
    birthPlace: plain.slice(11, 15),
  };
}
