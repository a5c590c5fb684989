// Mailpit's send route, wired to its handler.
import { createRouter, type ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { declare } from "../http/mailpit-openapi.ts";
import { sendMessage } from "./send.handlers.ts";
import { sendRoute } from "./send.routes.ts";

export function sendRouter(ctx: MailContext) {
  const router = createRouter<ServiceEnv>();
  declare(router, sendRoute, sendMessage(ctx));
  return router;
}
