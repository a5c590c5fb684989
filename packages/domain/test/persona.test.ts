import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fiscalCodeMismatches,
  municipalitiesByCode,
  PLACES,
  randomPersona,
  seededRandom,
  validateFiscalCode,
} from "../src/index.ts";

describe("randomPersona", () => {
  it("is consistent: its fiscal code is valid and matches its data, by code and by place name", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const p = randomPersona(seededRandom(seed));
        expect(validateFiscalCode(p.fiscalCode)).toEqual({ ok: true, code: p.fiscalCode });
        expect(fiscalCodeMismatches(p.fiscalCode, p)).toEqual([]);
        expect(
          fiscalCodeMismatches(p.fiscalCode, {
            ...p,
            birthPlace: `${p.birthMunicipality} (${p.birthProvince})`,
          }),
        ).toEqual([]);
        expect(p.residence.postalCode).toMatch(/^\d{5}$/);
        expect(p.mobile).toMatch(/^\+393\d{9}$/);
        expect(p.email).toMatch(/^[a-z]+\.[a-z]+\.[a-z2-9]{4}@example\.it$/);
        const year = Number(p.birthDate.slice(0, 4));
        expect(year).toBeGreaterThanOrEqual(1940);
        expect(year).toBeLessThanOrEqual(2005);
      }),
    );
  });

  it("is the same for the same seed and differs across seeds", () => {
    expect(randomPersona(seededRandom("a"))).toEqual(randomPersona(seededRandom("a")));
    const codes = new Set(
      Array.from({ length: 50 }, (_, i) => randomPersona(seededRandom(`s${i}`)).fiscalCode),
    );
    expect(codes.size).toBeGreaterThan(45);
  });

  it("draws women and men, with first names of their gender", () => {
    const people = Array.from({ length: 200 }, (_, i) => randomPersona(seededRandom(`g${i}`)));
    expect(people.some((p) => p.gender === "F")).toBe(true);
    expect(people.some((p) => p.gender === "M")).toBe(true);
    for (const p of people.filter((q) => q.gender === "F"))
      expect(Number(p.fiscalCode.slice(9, 11))).toBeGreaterThan(40);
  });

  it("honours the range of birth years", () => {
    const p = randomPersona(seededRandom("young"), { bornFrom: 2000, bornTo: 2000 });
    expect(p.birthDate.startsWith("2000-")).toBe(true);
  });
});

describe("PLACES", () => {
  it.each(PLACES.map((p) => [p.municipality, p] as const))(
    "%s has the Belfiore code and province of the ISTAT list",
    (_, place) => {
      const known = municipalitiesByCode(place.belfiore);
      expect(known[0]).toMatchObject({
        name: place.municipality.toUpperCase(),
        province: place.province,
        current: true,
      });
      expect(place.postalCode).toMatch(/^\d{5}$/);
    },
  );
});
