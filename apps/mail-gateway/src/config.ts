// The Mail service's settings, from the environment (see docs/gateways-mail.md).
import { parseEnv, portVar, serviceEnvSchema, switchVar } from "@inps-sim/service-kit";
import { parseDuration, addDuration } from "@inps-sim/domain";
import { z } from "zod";

/** A comma-separated list, trimmed, lower-cased, empty entries dropped. */
const listVar = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s.length > 0),
    );

const durationVar = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => {
      try {
        parseDuration(v);
        return true;
      } catch {
        return false;
      }
    }, "must be an ISO-8601 duration such as PT0S or PT5M")
    .transform((v) => addDuration(new Date(0), v).getTime());

export const DEFAULT_PEC_DOMAINS =
  "pec.it,legalmail.it,pec.inps.gov.it,postacert.inps.gov.it,pec.aruba.it,arubapec.it,postecert.it,pec.poste.it,cert.legalmail.it,pec.cgn.it";

export const mailConfigSchema = serviceEnvSchema.extend({
  MAIL_HTTP_PORT: portVar(8025),
  SMTP_PORT: portVar(1025),
  /** Largest message SMTP accepts, in bytes (advertised with SIZE; larger ones get 552). */
  SMTP_MAX_MESSAGE_SIZE: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** STARTTLS: a PEM certificate (chain) and its private key, both files; unset, one is made at start (self-signed). */
  SMTP_TLS_CERT: z.string().min(1).optional(),
  SMTP_TLS_KEY: z.string().min(1).optional(),
  /** Mail to these domains (and their subdomains) is PEC: the gateway answers with the provider's receipts. */
  PEC_DOMAINS: listVar(DEFAULT_PEC_DOMAINS),
  /** PEC mailboxes that do not exist: mail to them gets an AVVISO DI MANCATA CONSEGNA. */
  PEC_UNKNOWN_MAILBOXES: listVar(""),
  /** Simulated time between ACCETTAZIONE and CONSEGNA. */
  PEC_DELIVERY_DELAY: durationVar("PT0S"),
  /** The PEC provider's name in the receipts (gestore-emittente). */
  PEC_PROVIDER: z.string().min(1).max(100).default("Gestore PEC del simulatore"),
  /** S/MIME signature (smime.p7s) on PEC receipts and envelopes; off leaves them unsigned. */
  PEC_SIGNATURE: switchVar("on"),
  /** PEM files of the provider's certificate and private key; unset: a certificate is made for the provider. */
  PEC_SIGNING_CERT: z.string().min(1).optional(),
  PEC_SIGNING_KEY: z.string().min(1).optional(),
  /**
   * The mailbox size from which substring search is served by trigram indexes (built then, dropped at half of it).
   * Below it a search reads the table, which costs less than keeping the indexes on every arrival. 0: always.
   */
  MAIL_SEARCH_INDEX_THRESHOLD: z.coerce.number().int().min(0).max(100_000_000).default(20_000),
  /** Mailpit's /api/v1/chaos (off, as in Mailpit unless started with --enable-chaos). */
  MAIL_CHAOS: switchVar("off"),
  /** Mailpit's --api-cors: hosts (or "*") whose browser pages may call /api/ and /view/{ID}.html. */
  MAIL_API_CORS: z.string().default(""),
});

export const mailConfigSchemaChecked = mailConfigSchema.refine((c) => !c.SMTP_TLS_CERT === !c.SMTP_TLS_KEY, {
  message: "SMTP_TLS_CERT and SMTP_TLS_KEY go together: set both, or neither",
  path: ["SMTP_TLS_KEY"],
});

export type MailConfig = z.infer<typeof mailConfigSchema>;

export const readMailConfig = (env: Record<string, string | undefined> = process.env): MailConfig =>
  parseEnv("mail-gateway", mailConfigSchemaChecked, env);
