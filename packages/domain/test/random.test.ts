import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawFor, randomInt, randomString, seededRandom } from "../src/index.ts";

describe("randomInt", () => {
  it("stays within [0, max)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, max) => {
        const v = randomInt(seededRandom(seed), max);
        expect(Number.isInteger(v) && v >= 0 && v < max).toBe(true);
      }),
    );
  });
  it("favours no value", () => {
    const random = seededRandom("uniform");
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) counts[randomInt(random, 10)]!++;
    for (const c of counts) expect(Math.abs(c - 5000)).toBeLessThan(300);
  });
  it("refuses impossible bounds", () => {
    for (const bad of [0, -1, 1.5, 2 ** 32 + 1])
      expect(() => randomInt(seededRandom("x"), bad)).toThrow(RangeError);
  });
});

describe("seeded randomness", () => {
  it("repeats for the same seed and differs for another", () => {
    expect(randomString(seededRandom("a"), "ABCDEF", 20)).toBe(randomString(seededRandom("a"), "ABCDEF", 20));
    expect(randomString(seededRandom("a"), "ABCDEF", 20)).not.toBe(
      randomString(seededRandom("b"), "ABCDEF", 20),
    );
  });
  it("draws for an item independently of the order items arrive in", () => {
    const ids = ["l1", "l2", "l3"];
    const forward = ids.map((id) => drawFor("seed", id));
    const backward = [...ids]
      .reverse()
      .map((id) => drawFor("seed", id))
      .reverse();
    expect(forward).toEqual(backward);
    for (const d of forward) expect(d >= 0 && d < 1).toBe(true);
    expect(drawFor("seed", "l1")).not.toBe(drawFor("other", "l1"));
  });
});
