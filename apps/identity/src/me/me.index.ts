import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import { getMe } from "./me.handlers.ts";
import { meRoute } from "./me.routes.ts";

export function meRouter(ctx: IdentityContext) {
  const router = createRouter();
  router.use("/me", requireSession(ctx, "any", "refuse", "accept"));
  return router.openapi(meRoute, getMe(ctx));
}
