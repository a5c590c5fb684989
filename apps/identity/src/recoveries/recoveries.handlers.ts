import type { RouteHandler } from "@hono/zod-openapi";
import { readIdempotencyKey } from "@inps-sim/service-kit";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import { acceptRecoveryRequest } from "./ask-recovery.ts";
import { confirmRecovery } from "./confirm-recovery.ts";
import type { askRecoveryRoute, confirmRecoveryRoute, recoveryFormRoute } from "./recoveries.routes.ts";
import { recoveryFormPage } from "./recovery-form.ts";

export const askRecovery =
  (ctx: IdentityContext): RouteHandler<typeof askRecoveryRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await acceptRecoveryRequest(ctx, c.req.valid("json"), readIdempotencyKey(c.req), c.get("requestId")),
      202,
    );

export const recoveryForm = (): RouteHandler<typeof recoveryFormRoute, IdentityEnv> => async (c) => {
  const { token } = c.req.valid("param");
  c.header("cache-control", "no-store");
  c.header("referrer-policy", "no-referrer");
  return c.html(recoveryFormPage(`/api/v1/recoveries/${encodeURIComponent(token)}/confirm`), 200);
};

export const confirm =
  (ctx: IdentityContext): RouteHandler<typeof confirmRecoveryRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await confirmRecovery(ctx, c.req.valid("param").token, c.req.valid("json"), c.get("requestId")),
      202,
    );
