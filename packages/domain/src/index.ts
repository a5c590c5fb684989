export * from "./time/clock.ts";
export * from "./time/duration.ts";
export * from "./random.ts";
