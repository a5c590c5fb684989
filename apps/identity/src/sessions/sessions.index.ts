import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "./session-auth.ts";
import { login, logout } from "./sessions.handlers.ts";
import { loginRoute, logoutRoute } from "./sessions.routes.ts";

export function sessionsRouter(ctx: IdentityContext) {
  const router = createRouter();
  router.use("/sessions/current", requireSession(ctx, "any", "allow", "accept"));
  return router.openapi(loginRoute, login(ctx)).openapi(logoutRoute, logout(ctx));
}
