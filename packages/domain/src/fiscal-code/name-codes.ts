// The three-letter codes for surname and first name, per the official algorithm (DM 23/12/1976).

/** Uppercase A–Z only: accents are dropped (À → A), spaces, apostrophes and other marks are ignored. */
export function lettersOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "");
}

const isVowel = (c: string) => "AEIOU".includes(c);

function split(name: string): { consonants: string; vowels: string } {
  const letters = lettersOf(name);
  let consonants = "";
  let vowels = "";
  for (const c of letters) {
    if (isVowel(c)) vowels += c;
    else consonants += c;
  }
  return { consonants, vowels };
}

/** Consonants in order, then vowels, then X to fill: ROSSI → RSS, FO → FOX. */
export function surnameCode(lastName: string): string {
  const { consonants, vowels } = split(lastName);
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

/** As the surname, except that a name with four or more consonants takes the 1st, 3rd and 4th: GIANFRANCO → GFR. */
export function firstNameCode(firstName: string): string {
  const { consonants, vowels } = split(firstName);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants}${vowels}XXX`.slice(0, 3);
}
