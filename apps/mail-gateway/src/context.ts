// What the Mail service's routes share: the mailbox, the SMTP faults, the database and a few settings.
import type { Database } from "@inps-sim/db";
import type { Mailbox } from "./mailbox.ts";
import type { SmtpFaults } from "./smtp/faults.ts";

export interface MailContext {
  mailbox: Mailbox;
  smtpFaults: SmtpFaults;
  db: Database;
  databaseLocation: string;
  chaosEnabled: boolean;
  /** Hosts whose browser pages may call the API (MAIL_API_CORS); see http/cors.ts. */
  corsOrigins: Set<string>;
}
