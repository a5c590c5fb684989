// Randomness is injected: a cryptographic source in the services, a seeded one in tests and simulations.

export interface RandomSource {
  /** `n` uniformly random bytes. */
  bytes(n: number): Uint8Array;
}

/** A uniform integer in [0, max) by rejection sampling, so no value is favoured. */
export function randomInt(source: RandomSource, max: number): number {
  if (!Number.isInteger(max) || max <= 0 || max > 2 ** 32) throw new RangeError(`bad bound ${max}`);
  const limit = Math.floor(2 ** 32 / max) * max;
  for (;;) {
    const b = source.bytes(4);
    const v = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    if (v < limit) return v % max;
  }
}

/** A string of `length` characters drawn uniformly from `alphabet`. */
export function randomString(source: RandomSource, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(source, alphabet.length)];
  return out;
}

/**
 * A deterministic generator (sfc32 seeded through a string hash): the same seed gives the same draws,
 * so a failing simulated run can be replayed with its SIM_SEED.
 */
export function seededRandom(seed: string): RandomSource & { next(): number } {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const mix = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix();
  const next32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
  return {
    next: () => next32() / 2 ** 32,
    bytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = next32() & 0xff;
      return out;
    },
  };
}

/** A draw in [0, 1) that depends only on the seed and the item, not on the order items arrive in. */
export function drawFor(seed: string, itemId: string): number {
  return seededRandom(`${seed}\u0000${itemId}`).next();
}
