import { describe, expect, it } from "vitest";
import {
  generateRecoveryCode,
  matchRecoveryContacts,
  PIN_ALPHABET,
  requiredRecoveryContacts,
  seededRandom,
} from "../src/index.ts";

const registered = { email: "Mario.Rossi@Example.it", pec: "mario.rossi@pec.it", mobile: "+393471234567" };

describe("matchRecoveryContacts (R15)", () => {
  it("mobile-and-email: both must be given and match, compared normalised", () => {
    const m = matchRecoveryContacts("mobile-and-email", registered, {
      email: " mario.rossi@EXAMPLE.IT ",
      mobile: "347 123 4567",
    });
    expect(m).toEqual({ ok: true, matched: ["email", "mobile"], linkChannel: "email" });
  });

  it("mobile-and-email refuses email + PEC, even when both match", () => {
    expect(
      matchRecoveryContacts("mobile-and-email", registered, { email: registered.email, pec: registered.pec })
        .ok,
    ).toBe(false);
  });

  it("any-two accepts email + PEC, and the link then goes to the PEC", () => {
    expect(
      matchRecoveryContacts("any-two", registered, { email: registered.email, pec: registered.pec }),
    ).toEqual({
      ok: true,
      matched: ["email", "pec"],
      linkChannel: "pec",
    });
  });

  it("a wrong contact spoils the match, whatever else is right", () => {
    const m = matchRecoveryContacts("any-two", registered, {
      email: registered.email,
      pec: registered.pec,
      mobile: "+393479999999",
    });
    expect(m).toMatchObject({ ok: false, reason: "contacts-mismatch", matched: ["email", "pec"] });
  });

  it("a contact that is not registered never matches", () => {
    expect(
      matchRecoveryContacts(
        "any-two",
        { email: registered.email },
        { email: registered.email, pec: registered.pec },
      ).ok,
    ).toBe(false);
  });

  it("names what is missing for each profile", () => {
    expect(requiredRecoveryContacts("mobile-and-email", { email: "a@b.it" })).toEqual(["mobile"]);
    expect(requiredRecoveryContacts("any-two", { email: "a@b.it" })).toBe("any-two");
    expect(requiredRecoveryContacts("any-two", { email: "a@b.it", mobile: "+393471234567" })).toEqual([]);
  });
});

describe("generateRecoveryCode", () => {
  it("draws 8 characters of the PIN alphabet", () => {
    const code = generateRecoveryCode(seededRandom("r"));
    expect(code).toHaveLength(8);
    expect([...code].every((c) => PIN_ALPHABET.includes(c))).toBe(true);
  });
});
