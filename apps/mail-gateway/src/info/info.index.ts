// Mailpit's /api/v1/info and /api/v1/webui, wired to their handlers.
import { createRouter, type ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { declare } from "../http/mailpit-openapi.ts";
import { info, webUi } from "./info.handlers.ts";
import { infoRoute, webUiRoute } from "./info.routes.ts";

export function infoRouter(ctx: MailContext) {
  const router = createRouter<ServiceEnv>();
  declare(router, infoRoute, info(ctx));
  declare(router, webUiRoute, webUi(ctx));
  return router;
}
