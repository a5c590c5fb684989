export { createSmsApp, type SmsAppDeps } from "./app.ts";
export { startSmsGateway, smsMigrations } from "./start.ts";
export { readSmsConfig, smsConfigSchema, type SmsConfig } from "./config.ts";
export * as smsTables from "./db/schema.ts";
