// The 16-character initial PIN (R02), delivered in two halves of 8 over two channels (R03).

import { randomString, type RandomSource } from "../random.ts";
import { INITIAL_PIN_LENGTH, PIN_ALPHABET, PIN_HALF_LENGTH } from "./alphabet.ts";

export interface InitialPin {
  pin: string;
  firstHalf: string;
  secondHalf: string;
}

/** 16 characters from the unambiguous alphabet: 80 bits, far beyond guessing before the 90 days run out. */
export function generateInitialPin(random: RandomSource): InitialPin {
  const pin = randomString(random, PIN_ALPHABET, INITIAL_PIN_LENGTH);
  return { pin, firstHalf: pin.slice(0, PIN_HALF_LENGTH), secondHalf: pin.slice(PIN_HALF_LENGTH) };
}
