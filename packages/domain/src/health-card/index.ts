export * from "./card-number.ts";
export * from "./health-card.ts";
