import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { askRecovery, confirm, recoveryForm } from "./recoveries.handlers.ts";
import { askRecoveryRoute, confirmRecoveryRoute, recoveryFormRoute } from "./recoveries.routes.ts";

export function recoveriesRouter(ctx: IdentityContext) {
  return createRouter()
    .openapi(askRecoveryRoute, askRecovery(ctx))
    .openapi(recoveryFormRoute, recoveryForm())
    .openapi(confirmRecoveryRoute, confirm(ctx));
}
