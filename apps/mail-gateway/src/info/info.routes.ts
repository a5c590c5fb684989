// Mailpit's /api/v1/info and /api/v1/webui.
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { info, webUi } from "./info.handlers.ts";

export function infoRoutes(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.get("/api/v1/info", info(ctx));
  app.get("/api/v1/webui", webUi(ctx));
}
