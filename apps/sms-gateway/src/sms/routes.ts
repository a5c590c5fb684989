// /api/v1/messages: send, list, read, clear.
import { addDuration } from "@inps-sim/domain";
import {
  fingerprintOf,
  problem,
  readIdempotencyKey,
  readJson,
  readQuery,
  replayAnswer,
  type FaultEnv,
} from "@inps-sim/service-kit";
import { Hono } from "hono";
import { idempotencyKeys } from "../db/schema.ts";
import type { SmsAppDeps } from "../app.ts";
import { clearQuerySchema, listQuerySchema, sendMessageSchema } from "./schemas.ts";
import { acceptMessage, clearMessages, createMessageWriter, getMessage, listMessages, MESSAGE_ID, toView } from "./store.ts";

export function messageRoutes(deps: SmsAppDeps) {
  const api = new Hono<FaultEnv>();
  const { db, clock, settings } = deps;

  const store = createMessageWriter(db);
  const scope = "POST /api/v1/messages";

  api.post("/messages", async (c) => {
    const key = readIdempotencyKey(c.req);
    const input = await readJson(c.req, sendMessageSchema);
    const now = clock.now();
    const message = acceptMessage(
      { ...input, from: input.from ?? settings.SMS_DEFAULT_FROM },
      { now, dueAt: addDuration(now, settings.SMS_DELIVERY_LATENCY), dropped: c.get("dropDelivery") === true },
    );
    let answer: { status: number; body: { id: string; status: "queued" } } = { status: 202, body: { id: message.id, status: "queued" } };
    const idempotency = key === undefined ? undefined : { scope, key, fingerprint: fingerprintOf(input), ...answer };
    if (await store({ message, idempotency })) {
      c.get("log").info({ messageId: message.id, to: message.to, dropped: message.dropped, outcome: message.outcome }, "sms accepted");
    } else {
      answer = await replayAnswer(db, idempotencyKeys, idempotency!);
      c.header("idempotent-replayed", "true");
    }
    c.header("location", `/api/v1/messages/${answer.body.id}`);
    return c.json(answer.body, answer.status as 202);
  });

  api.get("/messages", async (c) => {
    const q = readQuery(c.req.query(), listQuerySchema);
    const rows = await listMessages(db, { to: q.to, since: q.since ? new Date(q.since) : undefined, limit: q.limit });
    const now = clock.now();
    return c.json({ messages: rows.map((r) => toView(r, now)) });
  });

  api.get("/messages/:id", async (c) => {
    const id = c.req.param("id");
    const row = MESSAGE_ID.test(id) ? await getMessage(db, id) : undefined;
    if (!row) {
      return problem(c, { status: 404, code: "message-not-found", title: "No such message", detail: "No message has this id." });
    }
    return c.json(toView(row, clock.now()));
  });

  api.delete("/messages", async (c) => {
    const q = readQuery(c.req.query(), clearQuerySchema);
    const deleted = await clearMessages(db, q.to);
    c.get("log").info({ deleted, to: q.to }, "messages cleared");
    return c.body(null, 204);
  });

  return api;
}
