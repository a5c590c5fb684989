import type { RouteHandler } from "@hono/zod-openapi";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import { startPinChange, verifyPinChange } from "./change-pin.ts";
import type { startPinChangeRoute, verifyPinChangeRoute } from "./pin-changes.routes.ts";

export const startChange =
  (ctx: IdentityContext): RouteHandler<typeof startPinChangeRoute, IdentityEnv> =>
  async (c) =>
    c.json(await startPinChange(ctx, c.get("session"), c.req.valid("json"), c.get("requestId")), 202);

export const verifyChange =
  (ctx: IdentityContext): RouteHandler<typeof verifyPinChangeRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await verifyPinChange(
        ctx,
        c.get("session"),
        c.req.valid("param").changeId,
        c.req.valid("json").code,
        c.get("requestId"),
      ),
      200,
    );
