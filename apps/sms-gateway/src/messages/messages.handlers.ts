// Thin handlers of /api/v1/messages: validate (done by the routes), store once per Idempotency-Key, answer.
import type { RouteHandler } from "@hono/zod-openapi";
import { addDuration } from "@inps-sim/domain";
import {
  fingerprintOf,
  ProblemError,
  readIdempotencyKey,
  replayAnswer,
  type FaultEnv,
} from "@inps-sim/service-kit";
import type { SmsAppDeps } from "../app.ts";
import { idempotencyKeys } from "../db/schema.ts";
import type {
  clearMessagesRoute,
  getMessageRoute,
  listMessagesRoute,
  sendMessageRoute,
} from "./messages.routes.ts";
import {
  acceptMessage,
  clearMessages,
  createMessageWriter,
  getMessage,
  listMessages,
  MESSAGE_ID,
  toView,
} from "./messages.store.ts";

const SEND_SCOPE = "POST /api/v1/messages";

export function sendMessage(deps: SmsAppDeps): RouteHandler<typeof sendMessageRoute, FaultEnv> {
  const { db, clock, settings } = deps;
  const store = createMessageWriter(db);
  return async (c) => {
    const key = readIdempotencyKey(c.req);
    const input = c.req.valid("json");
    const now = clock.now();
    const message = acceptMessage(
      { ...input, from: input.from ?? settings.SMS_DEFAULT_FROM },
      {
        now,
        dueAt: addDuration(now, settings.SMS_DELIVERY_LATENCY),
        dropped: c.get("dropDelivery") === true,
      },
    );
    let answer: { status: number; body: { id: string; status: "queued" } } = {
      status: 202,
      body: { id: message.id, status: "queued" },
    };
    const idempotency =
      key === undefined
        ? undefined
        : { scope: SEND_SCOPE, key, fingerprint: fingerprintOf(input), ...answer };
    if (await store({ message, idempotency })) {
      c.get("log").info(
        { messageId: message.id, to: message.to, dropped: message.dropped, outcome: message.outcome },
        "sms accepted",
      );
    } else {
      answer = await replayAnswer(db, idempotencyKeys, idempotency!);
      c.header("idempotent-replayed", "true");
    }
    c.header("location", `/api/v1/messages/${answer.body.id}`);
    return c.json(answer.body, 202);
  };
}

export const listMessagesHandler =
  ({ db, clock }: SmsAppDeps): RouteHandler<typeof listMessagesRoute, FaultEnv> =>
  async (c) => {
    const q = c.req.valid("query");
    const rows = await listMessages(db, {
      to: q.to,
      since: q.since ? new Date(q.since) : undefined,
      limit: q.limit,
    });
    const now = clock.now();
    return c.json({ messages: rows.map((r) => toView(r, now)) }, 200);
  };

export const getMessageHandler =
  ({ db, clock }: SmsAppDeps): RouteHandler<typeof getMessageRoute, FaultEnv> =>
  async (c) => {
    const { id } = c.req.valid("param");
    const row = MESSAGE_ID.test(id) ? await getMessage(db, id) : undefined;
    if (!row)
      throw new ProblemError({
        status: 404,
        code: "message-not-found",
        title: "No such message",
        detail: "No message has this id.",
      });
    return c.json(toView(row, clock.now()), 200);
  };

export const clearMessagesHandler =
  ({ db }: SmsAppDeps): RouteHandler<typeof clearMessagesRoute, FaultEnv> =>
  async (c) => {
    const { to } = c.req.valid("query");
    const deleted = await clearMessages(db, to);
    c.get("log").info({ deleted, to }, "messages cleared");
    return c.body(null, 204);
  };
