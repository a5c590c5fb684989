import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import { consultationHandler, consultationPdfHandler, submitApplicationHandler } from "./services.handlers.ts";
import { consultationPdfRoute, consultationRoute, submitApplicationRoute } from "./services.routes.ts";

export function servicesRouter(ctx: IdentityContext) {
  const router = createRouter();
  // No required action completes here: a session that must replace or renew its PIN gets 403 action-required.
  router.use("/services/*", requireSession(ctx));
  return router
    .openapi(submitApplicationRoute, submitApplicationHandler(ctx))
    .openapi(consultationPdfRoute, consultationPdfHandler(ctx))
    .openapi(consultationRoute, consultationHandler(ctx));
}
