// Configuration is read from the environment once, with zod, and fails fast naming every bad field.
import { inClockRange } from "@inps-sim/domain";
import { z } from "zod";

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    service,
    result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`),
  );
}

/** A TCP port from the environment; 0 takes a free one. */
export const portVar = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** "on"/"off" style switches. */
export const switchVar = (fallback: "on" | "off") =>
  z
    .enum(["on", "off", "true", "false", "1", "0"])
    .default(fallback)
    .transform((v) => v === "on" || v === "true" || v === "1");

/** An ISO-8601 instant such as 2026-01-15T09:00:00Z, within the simulated clock's range. */
export const instantVar = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO-8601 instant such as 2026-01-15T09:00:00Z")
  .refine(
    (v) => inClockRange(Date.parse(v)),
    "must be between 1970-01-01 and 2200-12-31 (the simulated clock's range)",
  )
  .transform((v) => new Date(v));

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Where a process keeps its data and how it logs: read by a standalone service and by the embedded stack. */
export const processEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded PGlite)")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  SIM_START: instantVar.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

/** The settings every service reads beside its own; each service's schema extends this one. */
export const serviceEnvSchema = z.object({
  HOST: z.string().default("127.0.0.1"),
  SIM_ADMIN_TOKEN: z.string().min(8, "must be at least 8 characters").optional(),
  SIM_CONTROL: switchVar("on"),
  SIM_SEED: z.string().default("inps-sim"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});
