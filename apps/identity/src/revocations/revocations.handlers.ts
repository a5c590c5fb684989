import type { RouteHandler } from "@hono/zod-openapi";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import { revokeByOperator, revokeOnline } from "./revoke-pin.ts";
import type { operatorRevocationRoute, revocationRoute } from "./revocations.routes.ts";

export const revokePin =
  (ctx: IdentityContext): RouteHandler<typeof revocationRoute, IdentityEnv> =>
  async (c) =>
    c.json(await revokeOnline(ctx, c.req.valid("json"), c.get("requestId")), 200);

export const revokePinByPhone =
  (ctx: IdentityContext): RouteHandler<typeof operatorRevocationRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await revokeByOperator(ctx, c.req.valid("param").fiscalCode, c.get("operatorId"), c.get("requestId")),
      200,
    );
