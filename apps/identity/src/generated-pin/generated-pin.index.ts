import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import { confirmPin, showPin } from "./generated-pin.handlers.ts";
import { confirmGeneratedPinRoute, showGeneratedPinRoute } from "./generated-pin.routes.ts";

/** These routes complete R20's mandatory change. */
const COMPLETES = ["confirm-generated-pin"] as const;

export function generatedPinRouter(ctx: IdentityContext) {
  const router = createRouter();
  router.use("/me/generated-pin", requireSession(ctx, COMPLETES));
  router.use("/me/generated-pin/*", requireSession(ctx, COMPLETES));
  return router
    .openapi(showGeneratedPinRoute, showPin(ctx))
    .openapi(confirmGeneratedPinRoute, confirmPin(ctx));
}
