import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import { startChange, verifyChange } from "./pin-changes.handlers.ts";
import { startPinChangeRoute, verifyPinChangeRoute } from "./pin-changes.routes.ts";

/** These routes complete R06 (replace the initial PIN) and R13 (renew an expired one). */
const COMPLETES = ["replace-initial-pin", "renew-expired-pin"] as const;

export function pinChangesRouter(ctx: IdentityContext) {
  const router = createRouter();
  router.use("/me/pin-changes", requireSession(ctx, COMPLETES));
  router.use("/me/pin-changes/*", requireSession(ctx, COMPLETES));
  return router
    .openapi(startPinChangeRoute, startChange(ctx))
    .openapi(verifyPinChangeRoute, verifyChange(ctx));
}
