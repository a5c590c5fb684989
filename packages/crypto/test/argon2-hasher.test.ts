import { generateInitialPin, hashProfiles, isReusedPin } from "@inps-sim/domain";
import { describe, expect, it } from "vitest";
import { createArgon2Hasher, cryptoRandom } from "../src/index.ts";

const fast = createArgon2Hasher("fast");

describe("createArgon2Hasher", () => {
  it("verifies the PIN it hashed and nothing else", async () => {
    const stored = await fast.hash("Kx7mQ2vr");
    expect(await fast.verify(stored, "Kx7mQ2vr")).toBe(true);
    expect(await fast.verify(stored, "Kx7mQ2vR")).toBe(false);
    expect(await fast.verify(stored, "Kx7mQ2v")).toBe(false);
    expect(await fast.verify(stored, "")).toBe(false);
  });

  it("stores argon2id with the profile's costs, never the PIN, with a fresh salt each time", async () => {
    const a = await fast.hash("Kx7mQ2vr");
    const b = await fast.hash("Kx7mQ2vr");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(a).not.toContain("Kx7mQ2vr");
    expect(a).not.toBe(b);
    expect(await fast.verify(b, "Kx7mQ2vr")).toBe(true);
  });

  it("answers false, not an error, for a malformed stored hash", async () => {
    expect(await fast.verify("not a hash", "Kx7mQ2vr")).toBe(false);
    expect(await fast.verify("", "Kx7mQ2vr")).toBe(false);
  });

  it("verifies a hash made with another profile (costs live in the hash)", async () => {
    const other = createArgon2Hasher({ memoryCost: 128, timeCost: 2, parallelism: 1 });
    const stored = await other.hash("h4Tz9pWc");
    expect(await fast.verify(stored, "h4Tz9pWc")).toBe(true);
    expect(fast.needsRehash(stored)).toBe(true);
    expect(other.needsRehash(stored)).toBe(false);
    expect(fast.needsRehash("garbage")).toBe(true);
  });

  it("spends a verification on dummyVerify and always answers false", async () => {
    expect(await fast.dummyVerify("Kx7mQ2vr")).toBe(false);
    expect(await fast.dummyVerify("")).toBe(false);
  });

  it("keeps the fast profile fast: 20 hashes and verifications well under a second", async () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) await fast.verify(await fast.hash(`pin${i}Kq7`), `pin${i}Kq7`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("uses the OWASP costs for production", async () => {
    const production = createArgon2Hasher("production");
    expect(production.profile).toEqual(hashProfiles.production);
    const stored = await production.hash("M8rB3kTq");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await production.verify(stored, "M8rB3kTq")).toBe(true);
  });

  it("serves the domain's reuse check", async () => {
    const recent = await Promise.all(["Kx7mQ2vr", "h4Tz9pWc"].map((p) => fast.hash(p)));
    expect(await isReusedPin("h4Tz9pWc", recent, fast)).toBe(true);
    expect(await isReusedPin("M8rB3kTq", recent, fast)).toBe(false);
  });
});

describe("cryptoRandom", () => {
  it("gives the bytes asked for, different each time", () => {
    expect(cryptoRandom.bytes(32)).toHaveLength(32);
    expect(Buffer.from(cryptoRandom.bytes(16)).equals(Buffer.from(cryptoRandom.bytes(16)))).toBe(false);
  });

  it("drives the domain's generators", () => {
    const pins = new Set(Array.from({ length: 200 }, () => generateInitialPin(cryptoRandom).pin));
    expect(pins.size).toBe(200);
  });

  it("spreads bytes over the whole range", () => {
    const seen = new Set(cryptoRandom.bytes(20_000));
    expect(seen.size).toBe(256);
  });
});
