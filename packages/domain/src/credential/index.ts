export * from "./diagram.ts";
export * from "./machine.ts";
export * from "./required-action.ts";
export * from "./states.ts";
export * from "./transitions.ts";
