import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { belfioreConnector } from "@marketto/belfiore-connector-embedded";
import { COMUNI } from "codice-fiscale-js/src/lista-comuni.js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  fiscalCodeMismatches,
  formatCalendarDate,
  generateFiscalCode,
  parseCalendarDate,
  randomInt,
  randomPersona,
  resolveBirthPlace,
  seededRandom,
  type FiscalCodePerson,
} from "../src/index.ts";
import { municipalityPeriodsFile } from "../scripts/municipality-periods-file.ts";

const path = fileURLToPath(new URL("../src/fiscal-code/municipality-periods.ts", import.meta.url));

// The oracle: the package's own dates, read through its documented API rather than our table.
const oracle = new Map<string, { from: string; to: string }>();
const day = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
beforeAll(async () => {
  for (const p of await belfioreConnector.toArray())
    oracle.set(p.belfioreCode, { from: day(p.creationDate), to: day(p.expirationDate) });
});
const suppressedBefore = (code: string, birthDate: string) => {
  const period = oracle.get(code);
  return period !== undefined && period.to < birthDate;
};

describe("src/fiscal-code/municipality-periods.ts", () => {
  it("is exactly what `npm run municipality-periods -w @inps-sim/domain` writes from the installed packages", async () => {
    expect(readFileSync(path, "utf8")).toBe(await municipalityPeriodsFile());
  });
});

describe("birth place by name at the birth date", () => {
  const person: FiscalCodePerson = {
    firstName: "Mario",
    lastName: "Rossi",
    gender: "M",
    birthDate: "1970-05-10",
    birthPlace: "Bellagio",
  };

  it.each([
    ["Bellagio", "A744", "M335"],
    ["Longarone", "E672", "M342"],
    ["Montalcino", "F402", "M378"],
    ["Sovizzo", "I879", "M436"],
    ["Lessona", "E552", "M371"],
    ["Cassano Spinola", "C005", "M388"],
  ])("%s: %s for a birth in 1970, %s for one in 2025", (name, old, current) => {
    expect(generateFiscalCode({ ...person, birthPlace: name }).slice(11, 15)).toBe(old);
    expect(generateFiscalCode({ ...person, birthPlace: name, birthDate: "2025-03-01" }).slice(11, 15)).toBe(
      current,
    );
    // The newer code given for an older birth stands for its municipality: the code then in force.
    expect(generateFiscalCode({ ...person, birthPlace: current }).slice(11, 15)).toBe(old);
    expect(resolveBirthPlace(name, { year: 1970, month: 5, day: 10 })).toBe(old);
  });

  it("a fiscal code carrying the later code does not match a birth before the change; the code of its time does", () => {
    expect(fiscalCodeMismatches(generateFiscalCode(person), person)).toEqual([]);
    const born2025 = { ...person, birthDate: "2025-05-10" };
    const withM335 = generateFiscalCode(born2025);
    expect(withM335.slice(11, 15)).toBe("M335");
    expect(fiscalCodeMismatches(withM335, born2025)).toEqual([]);
    // 1925 has the same year of century, so only the birth place can disagree.
    expect(fiscalCodeMismatches(withM335, { ...person, birthDate: "1925-05-10" }).map((p) => p.path)).toEqual(
      ["birthPlace"],
    );
  });

  it("refuses a place suppressed before the birth", () => {
    // Zoldo Alto (I345) was merged into Val di Zoldo in 2016.
    expect(generateFiscalCode({ ...person, birthPlace: "Zoldo Alto" }).slice(11, 15)).toBe("I345");
    expect(() =>
      generateFiscalCode({ ...person, birthPlace: "Zoldo Alto", birthDate: "2020-01-01" }),
    ).toThrow(/no longer existed/);
  });

  it("generation from any name of the ISTAT list, at any date, never uses a place suppressed before the birth", () => {
    const random = seededRandom("birth places");
    const names = [
      ...new Set(
        COMUNI.filter(([, province]) => province !== "EE").map(
          ([, province, name]) => `${name} (${province})`,
        ),
      ),
    ];
    let generated = 0;
    for (let i = 0; i < 5000; i++) {
      const name = names[randomInt(random, names.length)]!;
      const birthDate = formatCalendarDate({
        year: 1900 + randomInt(random, 126),
        month: 1 + randomInt(random, 12),
        day: 1 + randomInt(random, 28),
      });
      let code: string;
      try {
        code = generateFiscalCode({ ...person, birthPlace: name, birthDate });
      } catch {
        continue;
      }
      generated++;
      expect(
        suppressedBefore(code.slice(11, 15), birthDate),
        `${name} born ${birthDate} → ${code.slice(11, 15)}`,
      ).toBe(false);
    }
    expect(generated).toBeGreaterThan(3000);
  });

  it("random personas are born only in places that existed on their birth date", () => {
    const random = seededRandom("personas");
    for (let i = 0; i < 2000; i++) {
      const persona = randomPersona(random, { bornFrom: 1900, bornTo: 2025 });
      const period = oracle.get(persona.birthPlace);
      expect(period, persona.birthPlace).toBeDefined();
      expect(parseCalendarDate(persona.birthDate)).not.toBeNull();
      expect(period!.to >= persona.birthDate, `${persona.birthPlace} ${persona.birthDate}`).toBe(true);
    }
  });
});
