// Implementations of the domain's PinHasher and RandomSource.
export {};
