// The portal's settings, from the environment (see docs/portal.md).
import { parseEnv, portVar, switchVar } from "@inps-sim/service-kit";
import { z } from "zod";

export const portalConfigSchema = z.object({
  PORTAL_PORT: portVar(4040),
  HOST: z.string().default("127.0.0.1"),
  /** Where the identity service answers; the portal reaches it only through its typed client. */
  IDENTITY_URL: z.url({ message: "must be an http:// URL" }).default("http://127.0.0.1:4000"),
  /** The portal's address as browsers reach it (behind a proxy); its origin is accepted by the CSRF check. */
  PORTAL_PUBLIC_URL: z.url({ message: "must be an http:// or https:// URL" }).optional(),
  /** Marks the session cookie Secure; on by itself when PORTAL_PUBLIC_URL is https. */
  PORTAL_SECURE_COOKIES: switchVar("off"),
  /** Minutes of inactivity after which the portal forgets a session. */
  PORTAL_SESSION_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type PortalConfig = z.infer<typeof portalConfigSchema>;

export const readPortalConfig = (env: Record<string, string | undefined> = process.env): PortalConfig =>
  parseEnv("portal", portalConfigSchema, env);

/** Whether the cookie must carry Secure: asked for, or the public address is https. */
export const secureCookies = (
  config: Pick<PortalConfig, "PORTAL_SECURE_COOKIES" | "PORTAL_PUBLIC_URL">,
): boolean => config.PORTAL_SECURE_COOKIES || (config.PORTAL_PUBLIC_URL?.startsWith("https:") ?? false);
