// Mailpit's /api/v1/chaos.
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { getChaos, setChaos } from "./chaos.handlers.ts";

export function chaosRoutes(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.get("/api/v1/chaos", getChaos(ctx));
  app.put("/api/v1/chaos", setChaos(ctx));
}
