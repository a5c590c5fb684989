// The 8-character PIN the system generates after a recovery (R20): it must pass the same rules as a chosen one.

import { randomString, type RandomSource } from "../random.ts";
import { PIN_ALPHABET, PIN_LENGTH } from "./alphabet.ts";
import { evaluateNewPin, type PinContext } from "./pin-strength.ts";

/** Drawn until it passes evaluateNewPin; about one draw in ten is redrawn, mostly for lacking a digit. */
export function generateSystemPin(random: RandomSource, context: PinContext = {}): string {
  for (;;) {
    const pin = randomString(random, PIN_ALPHABET, PIN_LENGTH);
    if (evaluateNewPin(pin, context).ok) return pin;
  }
}
