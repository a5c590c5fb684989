// Thin handler: validate, hash, persist once per Idempotency-Key, answer.
import type { RouteHandler } from "@hono/zod-openapi";
import { fingerprintOf, idempotent, readIdempotencyKey } from "@inps-sim/service-kit";
import type { IdentityContext } from "../context.ts";
import { idempotencyKeys } from "../db/schema.ts";
import type { IdentityEnv } from "../http/router.ts";
import type { createPinRequestRoute } from "./pin-requests.routes.ts";
import { persistPinRequest, preparePin, type PinRequestAccepted } from "./request-pin.ts";
import { validatePinRequest } from "./validate-request.ts";

export const createPinRequest =
  (ctx: IdentityContext): RouteHandler<typeof createPinRequestRoute, IdentityEnv> =>
  async (c) => {
    const body = c.req.valid("json");
    const key = readIdempotencyKey(c.req);
    const now = ctx.clock.now();
    const request = validatePinRequest(body, now, ctx.delivery);
    const prepared = await preparePin(ctx, request);
    const answer = await idempotent<PinRequestAccepted>(
      ctx.db,
      idempotencyKeys,
      { scope: "POST /api/v1/pin-requests", key, fingerprint: fingerprintOf(body), now },
      async (tx) => ({ status: 202, body: await persistPinRequest(ctx, tx, request, prepared, c.get("requestId")) }),
    );
    ctx.kickOutbox();
    if (answer.replayed) c.header("idempotent-replayed", "true");
    return c.json(answer.body, 202);
  };
