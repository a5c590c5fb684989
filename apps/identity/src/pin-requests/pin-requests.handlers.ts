// Thin handlers: validate, hash, persist once per Idempotency-Key, answer. Online and by phone alike.
import type { RouteHandler, z } from "@hono/zod-openapi";
import { fingerprintOf, idempotent, readIdempotencyKey } from "@inps-sim/service-kit";
import type { Context } from "hono";
import type { IdentityContext } from "../context.ts";
import { idempotencyKeys } from "../db/schema.ts";
import type { IdentityEnv } from "../http/router.ts";
import type { operatorPinRequestRoute } from "../operator/operator-pin-requests.routes.ts";
import type { createPinRequestRoute, pinRequestBodySchema } from "./pin-requests.routes.ts";
import { persistPinRequest, preparePin, type PinRequestAccepted } from "./request-pin.ts";
import { validatePinRequest } from "./validate-request.ts";

type Origin = { via: "online" } | { via: "contact-centre"; operatorId: string };

async function acceptPinRequest(
  ctx: IdentityContext,
  c: Context<IdentityEnv>,
  body: z.infer<typeof pinRequestBodySchema>,
  origin: Origin,
): Promise<PinRequestAccepted> {
  const key = readIdempotencyKey(c.req);
  const now = ctx.clock.now();
  const request = validatePinRequest(body, now, ctx.delivery);
  const prepared = await preparePin(ctx, request);
  const answer = await idempotent<PinRequestAccepted>(
    ctx.db,
    idempotencyKeys,
    { scope: `POST pin-requests ${origin.via}`, key, fingerprint: fingerprintOf(body), now },
    async (tx) => ({
      status: 202,
      body: await persistPinRequest(ctx, tx, request, prepared, c.get("requestId"), origin),
    }),
  );
  ctx.kickOutbox();
  if (answer.replayed) c.header("idempotent-replayed", "true");
  return answer.body;
}

export const createPinRequest =
  (ctx: IdentityContext): RouteHandler<typeof createPinRequestRoute, IdentityEnv> =>
  async (c) =>
    c.json(await acceptPinRequest(ctx, c, c.req.valid("json"), { via: "online" }), 202);

export const createPinRequestByPhone =
  (ctx: IdentityContext): RouteHandler<typeof operatorPinRequestRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await acceptPinRequest(ctx, c, c.req.valid("json"), {
        via: "contact-centre",
        operatorId: c.get("operatorId"),
      }),
      202,
    );
