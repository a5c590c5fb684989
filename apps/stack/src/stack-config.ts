// The embedded stack's own settings; each service still reads its own (ports, seeds, profiles) from the environment.
import { instantVar, parseEnv } from "@inps-sim/service-kit";
import { z } from "zod";

export const stackConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded PGlite)")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  SIM_ADMIN_TOKEN: z.string().min(8, "must be at least 8 characters").optional(),
  SIM_START: instantVar.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type StackConfig = z.infer<typeof stackConfigSchema>;

export const readStackConfig = (env: Record<string, string | undefined> = process.env): StackConfig =>
  parseEnv("stack", stackConfigSchema, env);
