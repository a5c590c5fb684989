export { createPostalApp, type PostalAppDeps } from "./app.ts";
export { startPostalService, postalMigrations } from "./start.ts";
export { readPostalConfig, postalConfigSchema, type PostalConfig } from "./config.ts";
export * as postalTables from "./db/schema.ts";
