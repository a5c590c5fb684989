import type { RouteHandler } from "@hono/zod-openapi";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import { confirmGeneratedPin, showGeneratedPin } from "./generated-pin.ts";
import type { confirmGeneratedPinRoute, showGeneratedPinRoute } from "./generated-pin.routes.ts";

export const showPin =
  (ctx: IdentityContext): RouteHandler<typeof showGeneratedPinRoute, IdentityEnv> =>
  async (c) => {
    const shown = await showGeneratedPin(ctx, c.get("session"), c.get("requestId"));
    c.header("cache-control", "no-store");
    return c.json(shown, 201);
  };

export const confirmPin =
  (ctx: IdentityContext): RouteHandler<typeof confirmGeneratedPinRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await confirmGeneratedPin(ctx, c.get("session"), c.req.valid("json").pin, c.get("requestId")),
      200,
    );
