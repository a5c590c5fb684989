// The SMS gateway's settings, from the environment (see docs/configuration.md).
import { parseEnv, portVar, switchVar } from "@inps-sim/service-kit";
import { z } from "zod";

export const smsConfigSchema = z.object({
  SMS_PORT: portVar(4010),
  HOST: z.string().default("127.0.0.1"),
  SIM_ADMIN_TOKEN: z.string().min(8, "must be at least 8 characters").optional(),
  SIM_CONTROL: switchVar("on"),
  SIM_SEED: z.string().default("inps-sim"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type SmsConfig = z.infer<typeof smsConfigSchema>;

export const readSmsConfig = (env: Record<string, string | undefined> = process.env): SmsConfig =>
  parseEnv("sms-gateway", smsConfigSchema, env);
