// The embedded stack's own settings; each service still reads its own (ports, seeds, profiles) from the environment.
import { parseEnv, processEnvSchema, serviceEnvSchema } from "@inps-sim/service-kit";
import type { z } from "zod";

export const stackConfigSchema = processEnvSchema.extend({
  SIM_ADMIN_TOKEN: serviceEnvSchema.shape.SIM_ADMIN_TOKEN,
});

export type StackConfig = z.infer<typeof stackConfigSchema>;

export const readStackConfig = (env: Record<string, string | undefined> = process.env): StackConfig =>
  parseEnv("stack", stackConfigSchema, env);
