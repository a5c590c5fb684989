export { createMailApp, type MailAppDeps } from "./app.ts";
export { buildMailService, startMailService, mailMigrations, type RunningMailService } from "./start.ts";
export { readMailConfig, mailConfigSchema, type MailConfig } from "./config.ts";
export * as mailTables from "./db/schema.ts";
export {
  startSmtpServer,
  type RunningSmtp,
  type SmtpServerOptions,
  type SmtpMailbox,
} from "./smtp/smtp-server.ts";
export { tlsCertificate } from "./smtp/tls-certificate.ts";
export { SmtpFaults, type SmtpDecision } from "./smtp/faults.ts";
