import { describe, expect, it } from "vitest";
import { pinKindForSpidLevel, SPID_LEVEL_URIS, spidAvailable, spidLevelOfUri } from "../src/index.ts";

describe("SPID at INPS (R33, R35)", () => {
  it("is accepted from midnight of 15 March 2016 in Rome, not a second before", () => {
    expect(spidAvailable(new Date("2016-03-14T22:59:59.999Z"))).toBe(false);
    expect(spidAvailable(new Date("2016-03-14T23:00:00Z"))).toBe(true);
    expect(spidAvailable(new Date("2026-01-12T09:00:00Z"))).toBe(true);
  });

  it("counts level 2 and 3 as a PIN dispositivo, level 1 as an ordinary PIN", () => {
    expect([1, 2, 3].map((l) => pinKindForSpidLevel(l as 1 | 2 | 3))).toEqual([
      "ordinary",
      "dispositivo",
      "dispositivo",
    ]);
  });

  it("reads a level from SPID's AuthnContextClassRef and nothing else", () => {
    expect(spidLevelOfUri(SPID_LEVEL_URIS[2])).toBe(2);
    expect(spidLevelOfUri("https://www.spid.gov.it/SpidL4")).toBeUndefined();
    expect(spidLevelOfUri("SpidL2")).toBeUndefined();
  });
});
