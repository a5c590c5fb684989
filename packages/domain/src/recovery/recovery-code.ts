// The "codice di ripristino" (R16, R17): 8 characters of the PIN alphabet, 40 bits, easy to copy from an email.

import { PIN_ALPHABET } from "../pin/alphabet.ts";
import { randomString, type RandomSource } from "../random.ts";

export const RECOVERY_CODE_LENGTH = 8;

export function generateRecoveryCode(random: RandomSource): string {
  return randomString(random, PIN_ALPHABET, RECOVERY_CODE_LENGTH);
}
