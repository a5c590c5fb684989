// The characters the system puts in the PINs it generates.

/**
 * Digits 2–9 and capital letters without I and O: 32 symbols (5 bits each), none of which can be
 * mistaken for another when read off a letter or an SMS (0/O, 1/I/l). Capitals only, because a citizen
 * copying from paper should not have to guess the case.
 */
export const PIN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export const INITIAL_PIN_LENGTH = 16;
export const PIN_HALF_LENGTH = 8;
export const PIN_LENGTH = 8;
