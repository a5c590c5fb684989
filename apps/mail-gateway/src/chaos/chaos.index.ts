// Mailpit's /api/v1/chaos, wired to its handlers.
import { createRouter, type ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { declare } from "../http/mailpit-openapi.ts";
import { getChaos, setChaos } from "./chaos.handlers.ts";
import { getChaosRoute, setChaosRoute } from "./chaos.routes.ts";

export function chaosRouter(ctx: MailContext) {
  const router = createRouter<ServiceEnv>();
  declare(router, getChaosRoute, getChaos(ctx));
  declare(router, setChaosRoute, setChaos(ctx));
  return router;
}
