// PINs are kept only as argon2id hashes (R14); the domain states the interface and the cost profiles.

export interface PinHasher {
  hash(pin: string): Promise<string>;
  verify(hash: string, pin: string): Promise<boolean>;
}

/** argon2id cost parameters: memory in KiB, passes, lanes. */
export interface HashProfile {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export type HashProfileName = "fast" | "production";

export const hashProfiles: Readonly<Record<HashProfileName, Readonly<HashProfile>>> = {
  /** For tests and the embedded stack: the same algorithm at a cost of well under a millisecond. */
  fast: { memoryCost: 64, timeCost: 1, parallelism: 1 },
  /** OWASP Password Storage Cheat Sheet, argon2id: 19 MiB of memory, 2 iterations, 1 degree of parallelism. */
  production: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
};

export const DEFAULT_HASH_PROFILE: HashProfileName = "production";

export function isHashProfileName(name: string): name is HashProfileName {
  return Object.hasOwn(hashProfiles, name);
}

/** How many of the latest PINs a new one must differ from (R12, "unique"). */
export const PIN_HISTORY_DEPTH = 5;

/** Whether `candidate` is one of the PINs behind `recentHashes` (the service passes the latest PIN_HISTORY_DEPTH). */
export async function isReusedPin(
  candidate: string,
  recentHashes: readonly string[],
  hasher: PinHasher,
): Promise<boolean> {
  for (const hash of recentHashes) {
    if (await hasher.verify(hash, candidate)) return true;
  }
  return false;
}
