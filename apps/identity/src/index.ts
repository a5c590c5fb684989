export { createIdentityApp, type IdentityAppDeps } from "./app.ts";
export { buildIdentityService, startIdentityService, identityMigrations } from "./start.ts";
export { readIdentityConfig, identityConfigSchema, type IdentityConfig } from "./config.ts";
export * as identityTables from "./db/schema.ts";
export { createOutboxDispatcher, type OutboxDispatcher } from "./outbox/dispatcher.ts";
export { createSealer, outboxKey } from "./outbox/sealing.ts";
export { hashToken, newSessionToken } from "./sessions/tokens.ts";
// A login's two lockout statements, for the login benchmark's floor: it runs the same SQL as a login.
export { clearFailures, unknownLockedUntil } from "./sessions/lockout.ts";
