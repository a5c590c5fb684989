// The Postal service's settings, from the environment (see docs/configuration.md).
import { parseEnv, portVar, switchVar } from "@inps-sim/service-kit";
import { z } from "zod";

export const postalConfigSchema = z.object({
  POSTAL_PORT: portVar(4030),
  HOST: z.string().default("127.0.0.1"),
  SIM_ADMIN_TOKEN: z.string().min(8, "must be at least 8 characters").optional(),
  SIM_CONTROL: switchVar("on"),
  SIM_SEED: z.string().default("inps-sim"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type PostalConfig = z.infer<typeof postalConfigSchema>;

export const readPostalConfig = (env: Record<string, string | undefined> = process.env): PostalConfig =>
  parseEnv("postal-gateway", postalConfigSchema, env);
