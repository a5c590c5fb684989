import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PEC_DOMAINS,
  isPecAddress,
  isValidEmail,
  maskEmail,
  maskMobile,
  normalizeEmail,
  normalizeItalianMobile,
  randomPersona,
  seededRandom,
} from "../src/index.ts";

describe("normalizeItalianMobile", () => {
  it.each([
    "3471234567",
    "347 123 4567",
    "+39 347 123 4567",
    "+39-347-1234567",
    "0039 3471234567",
    " +393471234567 ",
  ])("normalises %s", (input) =>
    expect(normalizeItalianMobile(input)).toEqual({ ok: true, e164: "+393471234567" }),
  );

  it.each([
    ["06 1234 5678", "not-mobile"], // a Rome landline
    ["+39 02 1234 5678", "not-mobile"],
    ["800 123 456", "not-mobile"], // toll free
    ["+44 7911 123456", "not-italian"],
    ["+33 6 12 34 56 78", "not-italian"],
    ["12", "not-a-number"],
    ["not a phone", "not-a-number"],
    ["", "not-a-number"],
  ])("refuses %s (%s)", (input, problem) => {
    const result = normalizeItalianMobile(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
  });

  it("accepts every persona's mobile as it is", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const { mobile } = randomPersona(seededRandom(seed));
        expect(normalizeItalianMobile(mobile)).toEqual({ ok: true, e164: mobile });
      }),
    );
  });
});

describe("isValidEmail", () => {
  it.each([
    "mario.rossi@example.it",
    "m+pin@sub.example.it",
    "a@b.co",
    "o'neil@example.com",
    "MARIO@EXAMPLE.IT",
  ])("accepts %s", (e) => expect(isValidEmail(e)).toBe(true));
  it.each([
    "mario.rossi",
    "@example.it",
    "mario@",
    "mario@localhost",
    "mario rossi@example.it",
    "mario..rossi@example.it",
    ".mario@example.it",
    "mario.@example.it",
    "mario@-example.it",
    "mario@example..it",
    "mario@@example.it",
    `${"a".repeat(65)}@example.it`,
    `a@${"b".repeat(250)}.it`,
  ])("refuses %s", (e) => expect(isValidEmail(e)).toBe(false));

  it("accepts every persona's email", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        expect(isValidEmail(randomPersona(seededRandom(seed)).email)).toBe(true);
      }),
    );
  });

  it("lowercases only the domain", () => {
    expect(normalizeEmail("  Mario.Rossi@Example.IT ")).toBe("Mario.Rossi@example.it");
  });
});

describe("isPecAddress", () => {
  it.each([
    "mario.rossi@pec.it",
    "studio@legalmail.it",
    "ufficio@cert.legalmail.it",
    "direzione@pec.inps.gov.it",
    "MARIO@PEC.IT",
    "x@postacert.it",
  ])("recognises %s", (e) => expect(isPecAddress(e)).toBe(true));
  it.each([
    "mario@gmail.com",
    "mario@inps.gov.it",
    "mario@notpec.it",
    "mario@pec.it.example.com",
    "not an address",
  ])("does not take %s for PEC", (e) => expect(isPecAddress(e)).toBe(false));
  it("uses the domains it is given", () => {
    expect(isPecAddress("a@pec.example.it", ["pec.example.it"])).toBe(true);
    expect(isPecAddress("a@pec.it", ["pec.example.it"])).toBe(false);
  });
  it("includes the domains the contract names", () => {
    for (const d of ["pec.it", "legalmail.it", "pec.inps.gov.it", "postacert.it"])
      expect(DEFAULT_PEC_DOMAINS).toContain(d);
  });
});

describe("masking", () => {
  it.each([
    ["mario@example.it", "m***o@example.it"],
    ["mario.rossi@example.it", "m***i@example.it"],
    ["ab@example.it", "a***@example.it"],
    ["a@example.it", "a***@example.it"],
  ])("masks %s as %s", (email, masked) => expect(maskEmail(email)).toBe(masked));

  it.each([
    ["+393471234589", "+39 3** *** **89"],
    ["347 123 4589", "+39 3** *** **89"],
  ])("masks %s as %s", (mobile, masked) => expect(maskMobile(mobile)).toBe(masked));

  it("never shows more than three digits of a mobile or the middle of a mailbox", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const p = randomPersona(seededRandom(seed));
        const masked = maskMobile(p.mobile);
        expect(masked.slice(3).replace(/\D/g, "")).toHaveLength(3);
        expect(masked.endsWith(p.mobile.slice(-2))).toBe(true);
        const local = p.email.split("@")[0]!;
        expect(maskEmail(p.email)).not.toContain(local.slice(1, -1));
      }),
    );
  });
});
