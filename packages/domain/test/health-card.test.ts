import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateHealthCardNumber,
  HEALTH_CARD_REGIONS,
  healthCardRegion,
  randomHealthCard,
  sameHealthCard,
  seededRandom,
  validateHealthCard,
} from "../src/index.ts";

const now = new Date("2025-06-15T10:00:00Z");
const number = "80380000301234567890";

describe("validateHealthCard", () => {
  it("accepts a well-formed card that has not expired, spaces in the number included", () => {
    expect(validateHealthCard({ number, expiryDate: "2029-01-31" }, now)).toEqual([]);
    expect(validateHealthCard({ number: "80380 00030 1234567890", expiryDate: "2029-01-31" }, now)).toEqual(
      [],
    );
  });

  it("accepts a card on its expiry day and refuses it the day after", () => {
    expect(validateHealthCard({ number, expiryDate: "2025-06-15" }, now)).toEqual([]);
    expect(
      validateHealthCard({ number, expiryDate: "2025-06-15" }, new Date("2025-06-15T23:59:59Z")),
    ).toEqual([]);
    expect(
      validateHealthCard({ number, expiryDate: "2025-06-15" }, new Date("2025-06-16T00:00:00Z")),
    ).toEqual([{ path: "healthCard.expiryDate", message: "la tessera sanitaria è scaduta" }]);
  });

  it.each([
    ["8038000030123456789", /20 cifre/],
    ["803800003012345678901", /20 cifre/],
    ["8038000030123456789A", /solo cifre/],
    ["80276000301234567890", /comincia con 80380/], // a German (276) card number
    ["80380000001234567890", /regione/], // 000 is no region
    ["80380002101234567890", /regione/], // nor is 210
    ["80380010301234567890", /regione/], // 00 must follow 80380
    ["", /20 cifre/],
  ])("refuses the number %s", (bad, message) => {
    const problems = validateHealthCard({ number: bad, expiryDate: "2029-01-31" }, now);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe("healthCard.number");
    expect(problems[0]!.message).toMatch(message);
  });

  it.each(["2029-02-30", "2029-13-01", "31/01/2029", "2029-1-31", ""])(
    "refuses the expiry date %s",
    (bad) => {
      expect(validateHealthCard({ number, expiryDate: bad }, now).map((p) => p.path)).toEqual([
        "healthCard.expiryDate",
      ]);
    },
  );

  it("reports both fields, with the prefix the caller asks for", () => {
    expect(validateHealthCard({ number: "1", expiryDate: "2020-01-01" }, now, "").map((p) => p.path)).toEqual(
      ["number", "expiryDate"],
    );
  });
});

describe("generated cards", () => {
  it("are valid at the moment they are made for", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }),
        (seed, at) => {
          const card = randomHealthCard(seededRandom(seed), at);
          expect(validateHealthCard(card, at)).toEqual([]);
          expect(generateHealthCardNumber(seededRandom(seed))).toMatch(/^8038000\d{13}$/);
          expect(healthCardRegion(card.number)).not.toBeNull();
        },
      ),
    );
  });

  it("differ from one another", () => {
    const random = seededRandom("cards");
    expect(new Set(Array.from({ length: 500 }, () => generateHealthCardNumber(random))).size).toBe(500);
  });
});

describe("the issuing region", () => {
  it.each([
    ["80380000301234567890", "Lombardia"],
    ["80380000900090510553", "Toscana"], // HL7 Italia's FHIR example of an Italian EHIC
    ["80380 00041 1234567890", "Provincia autonoma di Bolzano"],
    ["80380002001234567890", "Sardegna"],
  ])("%s was issued by %s", (n, region) => expect(healthCardRegion(n)).toBe(region));

  it("generated numbers name every region of the table, and the one asked for", () => {
    const random = seededRandom("regions");
    const seen = new Set(
      Array.from({ length: 2000 }, () => healthCardRegion(generateHealthCardNumber(random))),
    );
    expect([...seen].sort()).toEqual(Object.values(HEALTH_CARD_REGIONS).sort());
    expect(healthCardRegion(generateHealthCardNumber(random, "120"))).toBe("Lazio");
    expect(() => generateHealthCardNumber(random, "999")).toThrow(RangeError);
  });
});

describe("sameHealthCard", () => {
  it("ignores the spacing of the number but not a digit or the date", () => {
    const card = { number, expiryDate: "2029-01-31" };
    expect(sameHealthCard(card, { number: "80380 00030 12345 67890", expiryDate: "2029-01-31" })).toBe(true);
    expect(sameHealthCard(card, { number: "80380000301234567891", expiryDate: "2029-01-31" })).toBe(false);
    expect(sameHealthCard(card, { number, expiryDate: "2029-01-30" })).toBe(false);
  });
});
