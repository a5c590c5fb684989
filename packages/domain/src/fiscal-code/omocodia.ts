// Omocodia: when two people would share a code, the Agenzia delle Entrate replaces digits with letters.

/** The letter that stands for each digit 0–9. */
export const OMOCODIA_LETTERS = "LMNPQRSTUV";

/** The 0-based positions that hold digits in a plain code (year, day, the three digits of the Belfiore code). */
export const NUMERIC_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;

/** The code with every omocodic letter turned back into its digit, and the check character recomputed. */
export function withDigits(code15: string): string {
  const chars = [...code15];
  for (const p of NUMERIC_POSITIONS) {
    const c = chars[p];
    if (c === undefined) continue;
    const digit = OMOCODIA_LETTERS.indexOf(c);
    if (digit >= 0) chars[p] = String(digit);
  }
  return chars.join("");
}

/**
 * The first 15 characters of the `level`-th omocodic variant (1–7): the Agenzia substitutes from the
 * rightmost numeric position leftwards, so level 1 changes only the last digit of the Belfiore code.
 */
export function omocodicVariant15(code15: string, level: number): string {
  if (!Number.isInteger(level) || level < 0 || level > NUMERIC_POSITIONS.length)
    throw new RangeError(`no omocodia level ${level}`);
  const chars = [...withDigits(code15)];
  for (const p of NUMERIC_POSITIONS.slice(NUMERIC_POSITIONS.length - level)) {
    chars[p] = OMOCODIA_LETTERS[Number(chars[p])]!;
  }
  return chars.join("");
}
