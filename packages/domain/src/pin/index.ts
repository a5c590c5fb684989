export * from "./alphabet.ts";
export * from "./common-pins.ts";
export * from "./hashing.ts";
export * from "./initial-pin.ts";
export * from "./one-time-code.ts";
export * from "./pin-strength.ts";
export * from "./system-pin.ts";
