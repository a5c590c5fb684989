import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import { consultationHandler } from "./services.handlers.ts";
import { contributionStatementRoute, pensionSlipRoute } from "./services.routes.ts";

export function servicesRouter(ctx: IdentityContext) {
  const router = createRouter();
  // No required action completes here: a session that must replace or renew its PIN gets 403 action-required.
  router.use("/services/*", requireSession(ctx));
  return router
    .openapi(contributionStatementRoute, consultationHandler(ctx, "contribution-statement"))
    .openapi(pensionSlipRoute, consultationHandler(ctx, "pension-slip"));
}
