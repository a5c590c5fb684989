// The three-letter codes for surname and first name, per the official algorithm (DM 23/12/1976).

/**
 * Letters that Unicode does not decompose into a base letter and a mark, transliterated as ICAO Doc 9303
 * (part 3, the machine-readable zone of passports) writes them: Đoković → DOKOVIC, Łukasz → LUKASZ,
 * Þór → THOR, Øberg → OEBERG. Dropping them would change the consonants of the code.
 */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  Đ: "D",
  đ: "d",
  Ð: "D",
  ð: "d",
  Ł: "L",
  ł: "l",
  Þ: "TH",
  þ: "th",
  Ø: "OE",
  ø: "oe",
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  ß: "SS",
  Ħ: "H",
  ħ: "h",
  Ŧ: "T",
  ŧ: "t",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
  Ĳ: "IJ",
  ĳ: "ij",
};

/** Uppercase A–Z only: accents are dropped (À → A), spaces, apostrophes and other marks are ignored. */
export function lettersOf(name: string): string {
  return name
    .replace(/[ĐđÐðŁłÞþØøÆæŒœßĦħŦŧıĿŀĲĳ]/g, (c) => TRANSLITERATIONS[c] ?? c)
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
