export * from "./time/clock.ts";
export * from "./time/duration.ts";
export * from "./time/calendar-date.ts";
export * from "./random.ts";
export * from "./fiscal-code/index.ts";
export * from "./persona/index.ts";
export * from "./pin/index.ts";
export * from "./policy/index.ts";
