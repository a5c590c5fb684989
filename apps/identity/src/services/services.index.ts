import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import {
  consultationHandler,
  consultationPdfHandler,
  submitApplicationHandler,
} from "./services.handlers.ts";
import { consultationRoutes, submitApplicationRoute } from "./services.routes.ts";

export function servicesRouter(ctx: IdentityContext) {
  const router = createRouter();
  // No required action completes here: a session that must replace or renew its PIN gets 403 action-required.
  // SPID sessions are welcome (R33); an application checks their level (R35).
  router.use("/services/*", requireSession(ctx, [], "refuse", "accept"));
  router.openapi(submitApplicationRoute, submitApplicationHandler(ctx));
  for (const { service, json, pdf } of consultationRoutes) {
    router
      .openapi(json, consultationHandler(ctx, service))
      .openapi(pdf, consultationPdfHandler(ctx, service));
  }
  return router;
}
