// Implementations of the domain's PinHasher and RandomSource.
export * from "./argon2-hasher.ts";
export * from "./crypto-random.ts";
