import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkCharacter,
  decodeFiscalCode,
  firstNameCode,
  fiscalCodeMismatches,
  generateFiscalCode,
  omocodicVariant,
  PLACES,
  surnameCode,
  validateFiscalCode,
  type FiscalCodePerson,
} from "../src/index.ts";

// codice-fiscale-js, an independent implementation, is the oracle for the parts that do not read the clock.
const { CodiceFiscale: oracle } = createRequire(import.meta.url)("codice-fiscale-js") as {
  CodiceFiscale: {
    check(code: string): boolean;
    getCheckCode(code15: string): string;
    surnameCode(s: string): string;
    nameCode(s: string): string;
  };
};

const lucaMoreno: FiscalCodePerson = {
  firstName: "Luca",
  lastName: "Moreno",
  gender: "M",
  birthDate: "2000-01-01",
  birthPlace: "Roma",
};

describe("name codes", () => {
  it.each([
    ["Rossi", "RSS"],
    ["Fo", "FOX"],
    ["Ai", "AIX"],
    ["De Luca", "DLC"],
    ["D'Angelo", "DNG"],
    ["Nicolò", "NCL"],
    ["Òe", "OEX"],
  ])("surname %s → %s", (name, code) => expect(surnameCode(name)).toBe(code));

  it.each([
    ["Gianfranco", "GFR"], // 4+ consonants: 1st, 3rd, 4th
    ["Alessandro", "LSN"], // L S S N D R → 1st, 3rd, 4th
    ["Mario", "MRA"],
    ["Luca", "LCU"],
    ["Ugo", "GUO"],
    ["Ada", "DAA"],
    ["Ia", "IAX"],
    ["Maria Grazia", "MGR"],
  ])("first name %s → %s", (name, code) => expect(firstNameCode(name)).toBe(code));

  it.each([
    // Letters Unicode does not decompose are transliterated (ICAO 9303), not dropped.
    ["Đoković", "surname", "DKV"],
    ["Łukasz", "first name", "LSZ"], // four consonants: 1st, 3rd, 4th,
    ["Þórsdóttir", "surname", "THR"],
    ["Þór", "first name", "THR"],
    ["Ólafsdóttir", "surname", "LFS"],
    ["Małgorzata", "first name", "MGR"],
    ["Øvergård", "surname", "VRG"],
  ])("%s (%s) keeps every letter", (name, kind, code) => {
    expect(kind === "surname" ? surnameCode(name) : firstNameCode(name)).toBe(code);
  });

  it("agrees with codice-fiscale-js on plain ASCII names", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}$/), (name) => {
        expect(surnameCode(name)).toBe(oracle.surnameCode(name));
        expect(firstNameCode(name)).toBe(oracle.nameCode(name));
      }),
    );
  });
});

describe("check character", () => {
  it("matches published codes", () => {
    expect(checkCharacter("MRNLCU00A01H501")).toBe("J");
    expect(checkCharacter("RSSMRA80A01A952")).toBe("F");
    expect(checkCharacter("MRNLCU00A01Z100")).toBe("P");
  });
  it("agrees with codice-fiscale-js on any 15 characters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{15}$/), (s) => {
        expect(checkCharacter(s)).toBe(oracle.getCheckCode(s));
      }),
    );
  });
});

describe("validateFiscalCode", () => {
  it.each([
    "MRNLCU00A01H501J",
    "RSSMRA80A01A952F",
    "MRNLCU00A01Z100P",
    "BNZVCN32S10E573Z",
    "BNZVCN32S10E57PV",
    "BNZVCNPNSMLERTPX",
  ])("accepts the real code %s", (code) => expect(validateFiscalCode(code)).toEqual({ ok: true, code }));

  it("normalises case and surrounding spaces", () => {
    expect(validateFiscalCode("  mrnlcu00a01h501j ")).toEqual({ ok: true, code: "MRNLCU00A01H501J" });
  });

  it.each([
    ["MRNLCU00A01H501", "length"],
    ["MRNLCU00A01H501JX", "length"],
    ["MRNLCU00A01H5O1J", "format"], // letter O where a digit goes (O is not an omocodic letter)
    ["MRNLCU00Z01H501J", "format"], // Z is not a month
    ["1RNLCU00A01H501J", "format"],
    ["MRNLCU00A01H501K", "check-character"],
    ["MRNLCU00B30H501X", "birth-date"], // 30 February
    ["MRNLCU00A72H501X", "birth-date"], // day 72 = 32 for a woman
    ["MRNLCU00A00H501X", "birth-date"],
  ])("rejects %s (%s)", (code, problem) => {
    const result = validateFiscalCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  it("accepts 29 February of a year ending in 00 (it may be 2000)", () => {
    const code15 = "MRNLCU00B29H501";
    expect(validateFiscalCode(code15 + checkCharacter(code15)).ok).toBe(true);
  });

  it("accepts 29 February only for the 25 year codes that are a leap year in some century", () => {
    const accepted: string[] = [];
    for (let yy = 0; yy < 100; yy++) {
      const year = String(yy).padStart(2, "0");
      for (const day of ["29", "69"]) {
        const code15 = `MRNLCU${year}B${day}H501`;
        const result = validateFiscalCode(code15 + checkCharacter(code15));
        if (result.ok) accepted.push(year);
        else expect(result.problem).toBe("birth-date");
      }
      // Omocodia does not change the date it stands for.
      const plain = `MRNLCU${year}B29H501`;
      expect(validateFiscalCode(omocodicVariant(plain + checkCharacter(plain), 7)).ok).toBe(yy % 4 === 0);
    }
    expect(new Set(accepted).size).toBe(25);
    expect([...new Set(accepted)].every((y) => Number(y) % 4 === 0)).toBe(true);
    expect(decodeFiscalCode("MRNLCU01B29H501X")).toBeNull();
  });

  it("never accepts what codice-fiscale-js rejects, and differs only on impossible dates", () => {
    const codeLike = fc.stringMatching(
      /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/,
    );
    fc.assert(
      fc.property(codeLike, fc.boolean(), (raw, fixCheck) => {
        const code = fixCheck ? raw.slice(0, 15) + oracle.getCheckCode(raw.slice(0, 15)) : raw;
        const ours = validateFiscalCode(code);
        const theirs = oracle.check(code);
        if (ours.ok) expect(theirs).toBe(true);
        else if (theirs) expect(ours.problem).toBe("birth-date");
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects every single-character substitution of a valid code", () => {
    // Both weight tables give distinct values within letters, within digits, and digits never collide
    // with omocodic letters, so no single substitution can keep the sum.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        (pos, c) => {
          const code = "MRNLCU00A01H501J";
          fc.pre(code[pos] !== c);
          expect(validateFiscalCode(code.slice(0, pos) + c + code.slice(pos + 1)).ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("generateFiscalCode", () => {
  it("computes published codes from personal data", () => {
    expect(generateFiscalCode(lucaMoreno)).toBe("MRNLCU00A01H501J");
    expect(generateFiscalCode({ ...lucaMoreno, birthPlace: "H501" })).toBe("MRNLCU00A01H501J");
    expect(generateFiscalCode({ ...lucaMoreno, birthPlace: "Albania" })).toBe("MRNLCU00A01Z100P");
    expect(
      generateFiscalCode({
        firstName: "Mario",
        lastName: "Rossi",
        gender: "M",
        birthDate: "1980-01-01",
        birthPlace: "Bolzano (BZ)",
      }),
    ).toBe("RSSMRA80A01A952F");
  });

  it("adds 40 to the day for women", () => {
    const code = generateFiscalCode({
      firstName: "Maria",
      lastName: "Rossi",
      gender: "F",
      birthDate: "1990-09-10",
      birthPlace: "H501",
    });
    expect(code.slice(6, 11)).toBe("90P50");
  });

  it("uses every month letter in order", () => {
    const letters = Array.from(
      { length: 12 },
      (_, i) =>
        generateFiscalCode({ ...lucaMoreno, birthDate: `1970-${String(i + 1).padStart(2, "0")}-15` })[8],
    ).join("");
    expect(letters).toBe("ABCDEHLMPRST");
  });

  it("refuses an impossible birth date or an unknown birth place", () => {
    expect(() => generateFiscalCode({ ...lucaMoreno, birthDate: "2001-02-29" })).toThrow(/birth date/);
    expect(() => generateFiscalCode({ ...lucaMoreno, birthPlace: "Atlantide" })).toThrow(/birth place/);
  });
});

const personArb = fc.record({
  firstName: fc.stringMatching(/^[A-Za-z][a-z]{1,10}( [A-Z][a-z]{1,8})?$/),
  lastName: fc.stringMatching(/^[A-Za-z][a-z']{1,12}$/),
  gender: fc.constantFrom("M" as const, "F" as const),
  birthDate: fc
    .date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  birthPlace: fc.constantFrom(...PLACES.map((p) => p.belfiore)),
});

describe("round trip", () => {
  it("a generated code is valid, accepted by codice-fiscale-js, and matches its person", () => {
    fc.assert(
      fc.property(personArb, (person) => {
        const code = generateFiscalCode(person);
        expect(validateFiscalCode(code)).toEqual({ ok: true, code });
        expect(oracle.check(code)).toBe(true);
        expect(fiscalCodeMismatches(code, person)).toEqual([]);
      }),
    );
  });

  it("every omocodic variant is valid, decodes the same, and matches the same person", () => {
    fc.assert(
      fc.property(personArb, fc.integer({ min: 1, max: 7 }), (person, level) => {
        const code = generateFiscalCode(person);
        const variant = omocodicVariant(code, level);
        expect(variant).not.toBe(code);
        expect(validateFiscalCode(variant).ok).toBe(true);
        expect(decodeFiscalCode(variant)).toEqual(decodeFiscalCode(code));
        expect(fiscalCodeMismatches(variant, person)).toEqual([]);
        expect(omocodicVariant(variant, 0)).toBe(code);
      }),
    );
  });

  it("substitutes from the rightmost digit, as the Agenzia delle Entrate does", () => {
    expect(omocodicVariant("BNZVCN32S10E573Z", 1)).toBe("BNZVCN32S10E57PV");
    expect(omocodicVariant("BNZVCN32S10E573Z", 7)).toBe("BNZVCNPNSMLERTPX");
  });
});

describe("fiscalCodeMismatches", () => {
  const code = "MRNLCU00A01H501J";

  it("is empty when everything matches, whatever the case or accents", () => {
    expect(fiscalCodeMismatches(code, lucaMoreno)).toEqual([]);
    expect(
      fiscalCodeMismatches(code.toLowerCase(), { ...lucaMoreno, firstName: "LÙCA", birthPlace: "roma" }),
    ).toEqual([]);
  });

  it.each([
    ["lastName", { lastName: "Bianchi" }],
    ["firstName", { firstName: "Luigi" }],
    ["birthDate", { birthDate: "2000-01-02" }],
    ["birthDate", { birthDate: "2000-02-01" }],
    ["birthDate", { birthDate: "1999-01-01" }],
    ["birthDate", { birthDate: "not a date" }],
    ["gender", { gender: "F" as const }],
    ["birthPlace", { birthPlace: "Milano" }],
    ["birthPlace", { birthPlace: "F205" }],
    ["birthPlace", { birthPlace: "Atlantide" }],
  ])("reports only %s when it differs", (path, change) => {
    const problems = fiscalCodeMismatches(code, { ...lucaMoreno, ...change });
    expect(problems.map((p) => p.path)).toEqual([path]);
  });

  it("ignores the century, which the code does not carry", () => {
    expect(fiscalCodeMismatches(code, { ...lucaMoreno, birthDate: "1900-01-01" })).toEqual([]);
  });

  it("reports every field that differs, one entry each", () => {
    const problems = fiscalCodeMismatches(code, {
      firstName: "Anna",
      lastName: "Bianchi",
      gender: "F",
      birthDate: "1970-05-05",
      birthPlace: "F205",
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      "birthDate",
      "birthPlace",
      "firstName",
      "gender",
      "lastName",
    ]);
  });

  it("reports an invalid code on the fiscalCode path", () => {
    expect(fiscalCodeMismatches("MRNLCU00A01H501K", lucaMoreno).map((p) => p.path)).toEqual(["fiscalCode"]);
  });

  it("accepts a former name of the birth municipality", () => {
    // Abano Bagni became Abano Terme: both names carry A001.
    const person = { ...lucaMoreno, birthPlace: "Abano Terme" };
    const abano = generateFiscalCode(person);
    expect(fiscalCodeMismatches(abano, { ...person, birthPlace: "Abano Bagni" })).toEqual([]);
  });
});
