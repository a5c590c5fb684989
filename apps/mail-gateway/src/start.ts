// startMailService: migrate, load the clock, build the app, listen on HTTP and SMTP. Used by main.ts and the embedded stack.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@inps-sim/db";
import { gatewayDeps, listen, prepareService, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createMailApp } from "./app.ts";
import type { MailConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { SearchIndexes } from "./search/search-indexes.ts";
import { Mailbox } from "./mailbox.ts";
import { SmtpFaults } from "./smtp/faults.ts";
import {
  SMTP_HOSTNAME,
  startSmtpServer,
  type RunningSmtp,
  type SmtpServerOptions,
} from "./smtp/smtp-server.ts";
import { tlsCertificate } from "./smtp/tls-certificate.ts";

export const mailMigrations = {
  schema: "mail",
  folder: fileURLToPath(new URL("../drizzle", import.meta.url)),
};

export interface RunningMailService extends RunningService {
  mailbox: Mailbox;
  smtpFaults: SmtpFaults;
  searchIndexes: SearchIndexes;
}

export async function startMailService(options: {
  handle: DatabaseHandle;
  config: MailConfig;
  logger: Logger;
  simStart?: Date | undefined;
  /** The SMTP server to run (smtp-server's by default; the ingest benchmark passes its baseline). */
  startSmtp?: (options: SmtpServerOptions) => Promise<RunningSmtp>;
}): Promise<RunningMailService> {
  const { handle, config, logger } = options;
  const clock = await prepareService({
    handle,
    migrations: mailMigrations,
    clockTable: simClock,
    start: options.simStart,
  });
  const mailbox = new Mailbox(
    handle.db,
    clock,
    {
      domains: config.PEC_DOMAINS,
      unknownMailboxes: config.PEC_UNKNOWN_MAILBOXES,
      deliveryDelayMs: config.PEC_DELIVERY_DELAY,
      provider: config.PEC_PROVIDER,
      signature: { enabled: config.PEC_SIGNATURE, certificateFile: config.PEC_SIGNING_CERT, keyFile: config.PEC_SIGNING_KEY },
    },
    logger,
  );
  const searchIndexes = new SearchIndexes(handle, config.MAIL_SEARCH_INDEX_THRESHOLD, logger);
  mailbox.store.onSize = (total) => searchIndexes.update(total);
  await searchIndexes.open((await mailbox.store.stats()).total);
  const leftovers = await mailbox.parseLeftovers();
  if (leftovers > 0)
    logger.info({ messages: leftovers }, "parsed messages an earlier version had stored unparsed");
  const smtpFaults = new SmtpFaults(config.SIM_SEED);
  const ports = { http: config.MAIL_HTTP_PORT, smtp: config.SMTP_PORT };
  const app = createMailApp({
    ...gatewayDeps({ handle, clock, logger, config, ports: () => ({ ...ports }) }),
    mailbox,
    smtpFaults,
    chaosEnabled: config.MAIL_CHAOS,
    apiCors: config.MAIL_API_CORS,
  });
  const tls = await tlsCertificate(SMTP_HOSTNAME, {
    certFile: config.SMTP_TLS_CERT,
    keyFile: config.SMTP_TLS_KEY,
  });
  logger.debug({ certificate: tls.source }, "STARTTLS certificate");
  const smtp = await (options.startSmtp ?? startSmtpServer)({
    mailbox,
    faults: smtpFaults,
    port: config.SMTP_PORT,
    host: config.HOST,
    maxMessageSize: config.SMTP_MAX_MESSAGE_SIZE,
    logger,
    tls,
  });
  let server;
  try {
    server = await listen(app, { port: config.MAIL_HTTP_PORT, hostname: config.HOST });
  } catch (error) {
    await smtp.close();
    throw error;
  }
  ports.http = server.port;
  ports.smtp = smtp.port;
  // Delayed PEC receipts fall due with simulated time, which also moves with the wall clock.
  const timer = setInterval(() => {
    mailbox.deliverDue().catch((err: unknown) => logger.warn({ err }, "PEC delivery failed"));
  }, 1000);
  timer.unref();
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "127.0.0.1" : config.HOST;
  return {
    name: "mail-gateway",
    urls: { http: server.url, smtp: `smtp://${host}:${smtp.port}` },
    ports: { http: server.port, smtp: smtp.port },
    mailbox,
    smtpFaults,
    searchIndexes,
    close: async () => {
      clearInterval(timer);
      await Promise.all([server.close(), smtp.close()]);
    },
  };
}
