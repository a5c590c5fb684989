// The postal gateway's settings, from the environment (see docs/gateways-postal.md).
import { parseEnv, portVar, serviceEnvSchema } from "@inps-sim/service-kit";
import { z } from "zod";
import { parseUnknownAddresses } from "./letters/address.ts";

export const postalConfigSchema = serviceEnvSchema.extend({
  POSTAL_PORT: portVar(4030),
  /**
   * Addresses where nobody lives: letters to them come back `returned_to_sender`. Entries split by `;`,
   * each a street (matched as a prefix, ignoring case) with an optional `@CAP`.
   */
  POSTAL_UNKNOWN_ADDRESSES: z
    .string()
    .max(10_000)
    .default("Via Inesistente")
    .transform(parseUnknownAddresses),
});

export type PostalConfig = z.infer<typeof postalConfigSchema>;

/** The settings the app itself reads (tests pass these without going through the environment). */
export type PostalSettings = Pick<PostalConfig, "SIM_SEED" | "POSTAL_UNKNOWN_ADDRESSES">;

export const readPostalConfig = (env: Record<string, string | undefined> = process.env): PostalConfig =>
  parseEnv("postal-gateway", postalConfigSchema, env);
