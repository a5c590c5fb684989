// Eight-character passwords that appear near the top of public breach lists, plus Italian favourites.
// Compared case-insensitively and after undoing digit-for-letter swaps (p4ssw0rd → password).

export const COMMON_PINS: ReadonlySet<string> = new Set([
  "password",
  "passw0rd",
  "password1",
  "iloveyou",
  "sunshine",
  "football",
  "princess",
  "baseball",
  "superman",
  "starwars",
  "whatever",
  "trustno1",
  "letmein1",
  "welcome1",
  "admin123",
  "abc12345",
  "qwerty12",
  "qwertyui",
  "1q2w3e4r",
  "q1w2e3r4",
  "1qaz2wsx",
  "zaq12wsx",
  "asdf1234",
  "qwer1234",
  "pass1234",
  "test1234",
  "user1234",
  "master12",
  "dragon12",
  "monkey12",
  "michael1",
  "jennifer",
  "computer",
  "internet",
  "ciao1234",
  "amore123",
  "juventus",
  "juve1234",
  "napoli10",
  "milan123",
  "inter123",
  "roma1234",
  "forzajuve",
  "forzaroma",
  "francesco",
  "ilmiopin",
  "inps1234",
  "pin12345",
  "pinpin12",
  "mypin123",
  "cambiami",
  "changeme",
  "segreto1",
  "12345abc",
  "abcd1234",
  "a1b2c3d4",
]);

const UNLEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
};

export function isCommonPin(candidate: string): boolean {
  const lower = candidate.toLowerCase();
  if (COMMON_PINS.has(lower)) return true;
  const plain = [...lower].map((c) => UNLEET[c] ?? c).join("");
  return COMMON_PINS.has(plain) || COMMON_PINS.has(plain.replace(/i/g, "l"));
}
