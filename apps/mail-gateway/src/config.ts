// The Mail service's settings, from the environment (see docs/configuration.md).
import { parseEnv, portVar, switchVar } from "@inps-sim/service-kit";
import { z } from "zod";

export const mailConfigSchema = z.object({
  MAIL_HTTP_PORT: portVar(8025),
  HOST: z.string().default("127.0.0.1"),
  SIM_ADMIN_TOKEN: z.string().min(8, "must be at least 8 characters").optional(),
  SIM_CONTROL: switchVar("on"),
  SIM_SEED: z.string().default("inps-sim"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type MailConfig = z.infer<typeof mailConfigSchema>;

export const readMailConfig = (env: Record<string, string | undefined> = process.env): MailConfig =>
  parseEnv("mail-gateway", mailConfigSchema, env);
