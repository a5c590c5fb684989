export * from "./names.ts";
export * from "./persona.ts";
export * from "./places.ts";
