export * from "./policy.ts";
export * from "./profiles.ts";
export * from "./rules.ts";
export * from "./table.ts";
