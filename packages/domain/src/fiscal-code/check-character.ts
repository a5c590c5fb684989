// The control character (16th) of a fiscal code: odd and even positions weighted by the official tables.

/** Values of a character in an odd position (1st, 3rd, … counting from 1); digits weigh as the letter of the same rank. */
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function rank(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 65;
  throw new RangeError(`"${c}" cannot appear in a fiscal code`);
}

/** The check character for the first 15 characters (uppercase) of a fiscal code. */
export function checkCharacter(first15: string): string {
  if (first15.length !== 15) throw new RangeError("the check character covers exactly 15 characters");
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const r = rank(first15[i]!);
    // Index 0 is position 1, which is odd.
    sum += i % 2 === 0 ? ODD[r]! : r;
  }
  return String.fromCharCode(65 + (sum % 26));
}
