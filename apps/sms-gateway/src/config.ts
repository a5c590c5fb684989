// The SMS gateway's settings, from the environment (see docs/gateways-sms.md).
import { parseDuration } from "@inps-sim/domain";
import { parseEnv, portVar, serviceEnvSchema } from "@inps-sim/service-kit";
import { z } from "zod";

const isDuration = (v: string) => {
  try {
    parseDuration(v);
    return true;
  } catch {
    return false;
  }
};

const durationVar = (fallback: string) =>
  z.string().default(fallback).refine(isDuration, "must be an ISO-8601 duration such as PT5S or PT2M");

export const smsConfigSchema = serviceEnvSchema.extend({
  SMS_PORT: portVar(4010),
  /** Simulated time between acceptance and delivery (or failure). */
  SMS_DELIVERY_LATENCY: durationVar("PT5S"),
  /** Sender shown when a message gives no `from`. */
  SMS_DEFAULT_FROM: z.string().min(1).max(16).default("INPS"),
  /** Simulated-time delays between delivery-report attempts, comma-separated. */
  SMS_CALLBACK_BACKOFF: z
    .string()
    .default("PT30S,PT2M,PT10M,PT1H,PT6H")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    )
    .refine((list) => list.every(isDuration), "must be comma-separated ISO-8601 durations"),
  SMS_CALLBACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  /** Wall-clock milliseconds between checks for due delivery reports while the clock flows by itself. */
  SMS_TICK_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
});

export type SmsConfig = z.infer<typeof smsConfigSchema>;

/** The settings the app itself reads (tests pass these without going through the environment). */
export type SmsSettings = Pick<
  SmsConfig,
  "SMS_DELIVERY_LATENCY" | "SMS_DEFAULT_FROM" | "SMS_CALLBACK_BACKOFF" | "SMS_CALLBACK_TIMEOUT_MS"
>;

export const readSmsConfig = (env: Record<string, string | undefined> = process.env): SmsConfig =>
  parseEnv("sms-gateway", smsConfigSchema, env);
