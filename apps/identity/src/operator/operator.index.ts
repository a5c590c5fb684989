import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { citizenEvents } from "./events.handlers.ts";
import { citizenEventsRoute } from "./events.routes.ts";
import { requireOperator } from "./operator-auth.ts";

export function operatorRouter(ctx: IdentityContext) {
  const router = createRouter();
  router.use("/operator/*", requireOperator(ctx));
  return router.openapi(citizenEventsRoute, citizenEvents(ctx));
}
