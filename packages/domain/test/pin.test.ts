import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluateNewPin,
  generateInitialPin,
  generateOneTimeCode,
  generateSystemPin,
  hashProfiles,
  isReusedPin,
  PIN_ALPHABET,
  PIN_HISTORY_DEPTH,
  seededRandom,
  type PinHasher,
  type PinRejection,
} from "../src/index.ts";

const reasonsOf = (pin: string, context = {}): PinRejection[] => {
  const result = evaluateNewPin(pin, context);
  return result.ok ? [] : result.reasons.map((r) => r.code);
};

const mario = {
  fiscalCode: "RSSMRA85T10A562S",
  firstName: "Mario",
  lastName: "Rossi",
  birthDate: "1985-12-10",
};

describe("PIN_ALPHABET", () => {
  it("has 32 distinct characters and none that reads as another", () => {
    expect(new Set(PIN_ALPHABET).size).toBe(32);
    for (const ambiguous of "01OoIl") expect(PIN_ALPHABET).not.toContain(ambiguous);
  });
});

describe("generateInitialPin", () => {
  it("gives 16 characters of the alphabet, split in two halves of 8", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const { pin, firstHalf, secondHalf } = generateInitialPin(seededRandom(seed));
        expect(pin).toMatch(new RegExp(`^[${PIN_ALPHABET}]{16}$`));
        expect(firstHalf).toHaveLength(8);
        expect(secondHalf).toHaveLength(8);
        expect(firstHalf + secondHalf).toBe(pin);
      }),
    );
  });
  it("does not repeat across draws", () => {
    const random = seededRandom("initial");
    const pins = new Set(Array.from({ length: 1000 }, () => generateInitialPin(random).pin));
    expect(pins.size).toBe(1000);
  });
});

describe("evaluateNewPin", () => {
  it.each(["Kx7mQ2vr", "h4Tz9pWc", "M8rB3kTq", "zq7Wd4Ny"])("accepts %s", (pin) => {
    expect(evaluateNewPin(pin, mario)).toEqual({ ok: true });
  });

  it.each<[string, PinRejection]>([
    ["Kx7mQ2v", "length"],
    ["Kx7mQ2vr9", "length"],
    ["", "length"],
    ["Kx7mQ2v!", "charset"],
    ["Kx7m Q2v", "charset"],
    ["Kx7mQ2vè", "charset"],
    ["KxzmQtvr", "needs-letter-and-digit"],
    ["84736291", "needs-letter-and-digit"],
    ["12345678", "sequence"],
    ["x1234kqz", "sequence"],
    ["abcd7k2m", "sequence"],
    ["Z9DCBAk3", "sequence"],
    ["qwer7k2m", "sequence"],
    ["9kasdf2m", "sequence"],
    ["7890kq2m", "sequence"],
    ["aaa7kq2m", "repeated"],
    ["k7m2AAAq", "repeated"],
    ["ab12ab12", "repeated"],
    ["ab1ab1ab", "few-distinct"],
    ["aab1aab2", "few-distinct"],
    ["pin1985x", "personal-data"],
    ["x1012kqz", "personal-data"], // 10 December as ddmm
    ["Mario7kq", "personal-data"],
    ["ross1kq7", "personal-data"],
    ["k7RSSMRq", "personal-data"], // a piece of the fiscal code
    ["q8A562Sk", "personal-data"],
    ["passw0rd", "common"],
    ["Juve1234", "common"],
    ["p4ssw0rd", "common"],
  ])("rejects %s for %s", (pin, reason) => {
    expect(reasonsOf(pin, mario)).toContain(reason);
  });

  it("gives every reason at once, each with a message", () => {
    const result = evaluateNewPin("aaaa", mario);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons.map((r) => r.code)).toEqual([
        "length",
        "needs-letter-and-digit",
        "repeated",
        "few-distinct",
      ]);
      for (const r of result.reasons) expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it("checks personal data only when it is given", () => {
    expect(reasonsOf("Mario7kq")).not.toContain("personal-data");
    expect(reasonsOf("Mario7kq", { firstName: "Luigi" })).not.toContain("personal-data");
  });

  it("counts a whole short name and any four letters of a long one", () => {
    expect(reasonsOf("ugo7kqz2", { firstName: "Ugo" })).toContain("personal-data");
    expect(reasonsOf("sand7kq2", { firstName: "Alessandra" })).toContain("personal-data");
    expect(reasonsOf("luca7kq2", { lastName: "De Luca" })).toContain("personal-data");
  });

  it("accepts no candidate without both a letter and a digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^([a-zA-Z]{8}|\d{8})$/), (pin) => {
        expect(reasonsOf(pin)).toContain("needs-letter-and-digit");
      }),
    );
  });
});

describe("generateSystemPin", () => {
  it("always passes evaluateNewPin, with and without personal data", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const pin = generateSystemPin(seededRandom(seed));
        expect(pin).toMatch(new RegExp(`^[${PIN_ALPHABET}]{8}$`));
        expect(evaluateNewPin(pin)).toEqual({ ok: true });
        const own = generateSystemPin(seededRandom(seed), mario);
        expect(evaluateNewPin(own, mario)).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });
  it("redraws only occasionally (the first draw usually passes)", () => {
    let draws = 0;
    const source = seededRandom("redraws");
    const counting = { bytes: (n: number) => (draws++, source.bytes(n)) };
    for (let i = 0; i < 1000; i++) generateSystemPin(counting);
    // 8 characters take at least 8 draws of 4 bytes each.
    expect(draws / 1000 / 8).toBeLessThan(1.3);
  });
});

describe("generateOneTimeCode", () => {
  it("gives exactly `length` digits, leading zeros included", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 4, max: 12 }), (seed, length) => {
        expect(generateOneTimeCode(seededRandom(seed), length)).toMatch(new RegExp(`^\\d{${length}}$`));
      }),
    );
  });
  it("uses every digit in every position", () => {
    const random = seededRandom("otc");
    const seen = Array.from({ length: 6 }, () => new Set<string>());
    for (let i = 0; i < 500; i++) [...generateOneTimeCode(random, 6)].forEach((d, p) => seen[p]!.add(d));
    for (const s of seen) expect(s.size).toBe(10);
  });
  it("refuses absurd lengths", () => {
    expect(() => generateOneTimeCode(seededRandom("x"), 3)).toThrow(RangeError);
    expect(() => generateOneTimeCode(seededRandom("x"), 6.5)).toThrow(RangeError);
  });
});

describe("isReusedPin", () => {
  // A transparent stand-in for argon2id: the point here is the history logic, not the hash.
  const fakeHasher: PinHasher = {
    hash: async (pin) => `h:${pin}`,
    verify: async (hash, pin) => hash === `h:${pin}`,
  };
  it("finds the candidate among the recent hashes and nowhere else", async () => {
    const recent = ["Kx7mQ2vr", "h4Tz9pWc", "M8rB3kTq"].map((p) => `h:${p}`);
    expect(await isReusedPin("h4Tz9pWc", recent, fakeHasher)).toBe(true);
    expect(await isReusedPin("zq7Wd4Ny", recent, fakeHasher)).toBe(false);
    expect(await isReusedPin("h4tz9pwc", recent, fakeHasher)).toBe(false);
    expect(await isReusedPin("h4Tz9pWc", [], fakeHasher)).toBe(false);
  });
  it("keeps a history of a few PINs", () => {
    expect(PIN_HISTORY_DEPTH).toBeGreaterThanOrEqual(3);
  });
});

describe("hashProfiles", () => {
  it("production follows the OWASP argon2id recommendation; fast is far cheaper", () => {
    expect(hashProfiles.production).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(hashProfiles.fast.memoryCost).toBeLessThan(hashProfiles.production.memoryCost / 100);
  });
});
