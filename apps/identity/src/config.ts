// The identity service's settings, from the environment (see docs/configuration.md).
import { parseEnv, portVar, serviceEnvSchema } from "@inps-sim/service-kit";
import { z } from "zod";

const url = (fallback: string) => z.url({ message: "must be an http:// URL" }).default(fallback);

export const identityConfigSchema = serviceEnvSchema.extend({
  IDENTITY_PORT: portVar(4000),
  /** Where the gateways are; the identity service reaches them over HTTP and SMTP, as under docker compose. */
  SMS_URL: url("http://127.0.0.1:4010"),
  MAIL_URL: url("http://127.0.0.1:8025"),
  SMTP_HOST: z.string().default("127.0.0.1"),
  SMTP_PORT: portVar(1025),
  POSTAL_URL: url("http://127.0.0.1:4030"),
  /**
   * The gateways as a browser or a suite outside the stack reaches them, for GET /__sim/stack (and so the console's
   * links); unset: the addresses above. Under docker compose the service names above mean nothing on the host.
   */
  SMS_PUBLIC_URL: z.url({ message: "must be an http:// URL" }).optional(),
  MAIL_PUBLIC_URL: z.url({ message: "must be an http:// URL" }).optional(),
  SMTP_PUBLIC_URL: z
    .string()
    .regex(/^smtp:\/\/[^/\s:]+:\d+$/, { message: "must be smtp://host:port" })
    .optional(),
  POSTAL_PUBLIC_URL: z.url({ message: "must be an http:// URL" }).optional(),
  /** The gateways' control-plane token, for forwarding clock moves and resets; defaults to SIM_ADMIN_TOKEN. */
  GATEWAY_ADMIN_TOKEN: z.string().optional(),
  /** Rule values (lockout, expiry, code lifetimes): inps-guides (default) or asvs-l2. */
  POLICY_PROFILE: z.enum(["inps-guides", "asvs-l2"]).default("inps-guides"),
  /** argon2id cost: production (OWASP) by default; fast for tests and the embedded harness. */
  HASH_PROFILE: z.enum(["fast", "production"]).default("production"),
  /** Which contacts a lost-PIN recovery must name (R15): mobile-and-email (guide 001) or any-two of email, PEC, mobile (guide 003). */
  RECOVERY_CONTACTS: z.enum(["mobile-and-email", "any-two"]).default("mobile-and-email"),
  /** The identity service's address as citizens reach it, for the recovery link; unset: where it listens. */
  PUBLIC_URL: z.url({ message: "must be an http:// URL" }).optional(),
  /** How the two PIN halves travel when a request does not say (R03). */
  DELIVERY_PROFILE: z.enum(["digital-then-post", "post-then-activate"]).default("digital-then-post"),
  /** The digital channel of a half when a request does not say (falls back to a contact the citizen gave). */
  FIRST_HALF_CHANNEL: z.enum(["email", "pec", "sms"]).default("email"),
  /** Wall-clock milliseconds between outbox polls; 0 switches the background dispatcher off. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(0).default(250),
  /** Wall-clock milliseconds a gateway may take to answer before the attempt counts as failed. */
  OUTBOX_SEND_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  /** Key (32 bytes, base64) that seals secrets in the outbox until delivery; derived from SIM_SEED when unset. */
  OUTBOX_KEY: z.string().optional(),
  /** Comma-separated operatorId:token pairs for the contact-centre API. */
  OPERATOR_TOKENS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const pairs = v
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      const out: { operatorId: string; token: string }[] = [];
      for (const pair of pairs) {
        const [operatorId, token] = pair.split(":");
        if (!operatorId || !token || token.length < 8) {
          ctx.addIssue({
            code: "custom",
            message: `"${pair}" is not operatorId:token (token of 8+ characters)`,
          });
          continue;
        }
        out.push({ operatorId, token });
      }
      return out;
    }),
});

export type IdentityConfig = z.infer<typeof identityConfigSchema>;

export const readIdentityConfig = (env: Record<string, string | undefined> = process.env): IdentityConfig =>
  parseEnv("identity", identityConfigSchema, env);
