// startMailService: the mail gateway on startService, its SMTP server started beside HTTP. Used by main.ts and the stack.
import type { DatabaseHandle } from "@inps-sim/db";
import {
  gatewayDeps,
  startService,
  type BuiltService,
  type Logger,
  type RunningService,
  type StackClock,
} from "@inps-sim/service-kit";
import { createMailApp } from "./app.ts";
import type { MailConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { Mailbox } from "./mailbox.ts";
import { SearchIndexes } from "./search/search-indexes.ts";
import { SmtpFaults } from "./smtp/faults.ts";
import {
  SMTP_HOSTNAME,
  startSmtpServer,
  type RunningSmtp,
  type SmtpServerOptions,
} from "./smtp/smtp-server.ts";
import { tlsCertificate } from "./smtp/tls-certificate.ts";
import { mailMigrations } from "./migrations.ts";

export { mailMigrations };

interface MailStartOptions {
  handle: DatabaseHandle;
  config: MailConfig;
  logger: Logger;
  simStart?: Date | undefined;
  /** The clock of the process's other services (the embedded stack); unset: this service's own, stored. */
  clock?: StackClock | undefined;
  /** The SMTP server to run (smtp-server's by default; the ingest benchmark passes its baseline). */
  startSmtp?: (options: SmtpServerOptions) => Promise<RunningSmtp>;
}

/** What the service's tests and the benchmarks reach beyond HTTP and SMTP. */
interface MailParts {
  mailbox: Mailbox;
  smtpFaults: SmtpFaults;
  searchIndexes: SearchIndexes;
}

export type RunningMailService = RunningService & MailParts;

export async function startMailService(options: MailStartOptions): Promise<RunningMailService> {
  let parts: MailParts | undefined;
  const running = await startService({
    name: "mail-gateway",
    handle: options.handle,
    logger: options.logger,
    migrations: mailMigrations,
    clockTable: simClock,
    simStart: options.simStart,
    clock: options.clock,
    port: options.config.MAIL_HTTP_PORT,
    host: options.config.HOST,
    build: async (context) => (parts = await buildMailService(options, context)),
  });
  return { ...running, ...parts! };
}

/** The app, the SMTP server and the PEC ticker, as the service runs them. */
export async function buildMailService(
  { handle, config, logger, startSmtp = startSmtpServer }: MailStartOptions,
  { clock, ports }: { clock: StackClock; ports: () => Record<string, number> },
): Promise<BuiltService & MailParts> {
  const mailbox = new Mailbox(
    handle.db,
    clock,
    {
      domains: config.PEC_DOMAINS,
      unknownMailboxes: config.PEC_UNKNOWN_MAILBOXES,
      deliveryDelayMs: config.PEC_DELIVERY_DELAY,
      provider: config.PEC_PROVIDER,
      signature: {
        enabled: config.PEC_SIGNATURE,
        certificateFile: config.PEC_SIGNING_CERT,
        keyFile: config.PEC_SIGNING_KEY,
      },
    },
    logger,
  );
  const searchIndexes = new SearchIndexes(handle, config.MAIL_SEARCH_INDEX_THRESHOLD, logger);
  mailbox.store.onSize = (total) => searchIndexes.update(total);
  const leftovers = await mailbox.parseLeftovers();
  if (leftovers > 0)
    logger.info({ messages: leftovers }, "parsed messages an earlier version had stored unparsed");
  // The search indexes are seen to once the gateway listens, not on the way to it (a restart's time, issue 16): a
  // search works without them, only slower.
  const openSearchIndexes = async () => searchIndexes.open((await mailbox.store.stats()).total);
  let settling: Promise<void> = Promise.resolve();
  const smtpFaults = new SmtpFaults(config.SIM_SEED);
  const app = createMailApp({
    ...gatewayDeps({ handle, clock, logger, config, ports }),
    mailbox,
    smtpFaults,
    chaosEnabled: config.MAIL_CHAOS,
    apiCors: config.MAIL_API_CORS,
  });
  const openSmtp = async () => {
    const tls = await tlsCertificate(SMTP_HOSTNAME, {
      certFile: config.SMTP_TLS_CERT,
      keyFile: config.SMTP_TLS_KEY,
    });
    logger.debug({ certificate: tls.source }, "STARTTLS certificate");
    const smtp = await startSmtp({
      mailbox,
      faults: smtpFaults,
      port: config.SMTP_PORT,
      host: config.HOST,
      maxMessageSize: config.SMTP_MAX_MESSAGE_SIZE,
      logger,
      tls,
    });
    const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "127.0.0.1" : config.HOST;
    return { port: smtp.port, url: `smtp://${host}:${smtp.port}`, close: () => smtp.close() };
  };
  let ticker: NodeJS.Timeout | undefined;
  return {
    app,
    sideServers: { smtp: openSmtp },
    // Delayed PEC receipts fall due with simulated time, which also moves with the wall clock.
    start: () => {
      settling = openSearchIndexes().catch((err: unknown) =>
        logger.warn({ err }, "could not look at the mail search indexes"),
      );
      ticker = setInterval(() => {
        mailbox.deliverDue().catch((err: unknown) => logger.warn({ err }, "PEC delivery failed"));
      }, 1000);
      ticker.unref();
    },
    stop: async () => {
      clearInterval(ticker);
      await settling; // its queries end before the database closes
    },
    mailbox,
    smtpFaults,
    searchIndexes,
  };
}
