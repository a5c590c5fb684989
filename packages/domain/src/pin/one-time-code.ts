// Numeric one-time codes: the verification code of a PIN change (R11), of a new contact (R25).

import { randomString, type RandomSource } from "../random.ts";

/** `length` uniformly random digits; leading zeros are kept, so every code has exactly `length` characters. */
export function generateOneTimeCode(random: RandomSource, length: number): string {
  if (!Number.isInteger(length) || length < 4 || length > 12)
    throw new RangeError(`a one-time code has 4 to 12 digits, not ${length}`);
  return randomString(random, "0123456789", length);
}
