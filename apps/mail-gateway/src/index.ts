export { createMailApp, type MailAppDeps } from "./app.ts";
export { startMailService, mailMigrations } from "./start.ts";
export { readMailConfig, mailConfigSchema, type MailConfig } from "./config.ts";
export * as mailTables from "./db/schema.ts";
export { startSmtpServer, type RunningSmtp } from "./smtp/smtp-server.ts";
export { SmtpFaults } from "./smtp/faults.ts";
