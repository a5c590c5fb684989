export * from "./contacts-match.ts";
export * from "./recovery-code.ts";
