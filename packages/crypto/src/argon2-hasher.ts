// The domain's PinHasher with argon2id (@node-rs/argon2), at the cost of a named profile.

import { hash, parseOptions, verify, type Algorithm } from "@node-rs/argon2";
import { hashProfiles, type HashProfile, type HashProfileName, type PinHasher } from "@inps-sim/domain";
import { randomBytes } from "node:crypto";

// Algorithm is an ambient const enum, which isolatedModules cannot read: 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

export interface Argon2Hasher extends PinHasher {
  readonly profile: Readonly<HashProfile>;
  /**
   * Spends the work of one verification and answers false: for an unknown fiscal code, so that its
   * answer takes as long as a wrong PIN for a known one.
   */
  dummyVerify(pin: string): Promise<false>;
  /** Whether a stored hash was made with other costs (or another algorithm) than this profile's. */
  needsRehash(stored: string): boolean;
}

export function createArgon2Hasher(profile: HashProfile | HashProfileName): Argon2Hasher {
  const costs: HashProfile = typeof profile === "string" ? hashProfiles[profile] : profile;
  const options = {
    algorithm: ARGON2ID,
    memoryCost: costs.memoryCost,
    timeCost: costs.timeCost,
    parallelism: costs.parallelism,
  };
  // Made on first use, from a random value nobody knows, with the same costs as real hashes.
  let dummy: Promise<string> | undefined;

  const check = async (stored: string, pin: string): Promise<boolean> => {
    try {
      return await verify(stored, pin);
    } catch {
      // A malformed stored hash matches nothing; it must not become a server error.
      return false;
    }
  };

  return {
    profile: costs,
    hash: (pin) => hash(pin, options),
    verify: check,
    async dummyVerify(pin) {
      dummy ??= hash(randomBytes(32).toString("base64url"), options);
      await check(await dummy, pin);
      return false;
    },
    needsRehash(stored) {
      try {
        const p = parseOptions(stored);
        return (
          p.algorithm !== ARGON2ID ||
          p.memoryCost !== costs.memoryCost ||
          p.timeCost !== costs.timeCost ||
          p.parallelism !== costs.parallelism
        );
      } catch {
        return true;
      }
    },
  };
}
