export * from "./email.ts";
export * from "./masking.ts";
export * from "./mobile.ts";
