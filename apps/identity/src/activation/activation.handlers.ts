import type { RouteHandler } from "@hono/zod-openapi";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import { activatePin } from "./activate-pin.ts";
import type { activationRoute } from "./activation.routes.ts";

export const activate =
  (ctx: IdentityContext): RouteHandler<typeof activationRoute, IdentityEnv> =>
  async (c) =>
    c.json(await activatePin(ctx, c.req.valid("json"), c.get("requestId")), 202);
