// GET /__sim/outbox shows the outbox (never the sealed content); POST /__sim/outbox/drain delivers what is due now.
import type { Context } from "hono";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "@inps-sim/db";
import { validationFailed } from "@inps-sim/service-kit";
import { outbox } from "../db/schema.ts";
import type { OutboxDispatcher } from "../outbox/dispatcher.ts";

const STATUSES = ["pending", "sent", "dead"];

export function listOutboxHandler(db: Database) {
  return async (c: Context) => {
    const status = c.req.query("status");
    const fiscalCode = c.req.query("fiscalCode");
    if (status !== undefined && !STATUSES.includes(status)) {
      throw validationFailed([{ path: "status", message: `one of ${STATUSES.join(", ")}` }]);
    }
    const where: SQL[] = [];
    if (status) where.push(eq(outbox.status, status));
    if (fiscalCode) where.push(eq(outbox.fiscalCode, fiscalCode.trim().toUpperCase()));
    const rows = await db
      .select({
        id: outbox.id,
        fiscalCode: outbox.fiscalCode,
        channel: outbox.channel,
        purpose: outbox.purpose,
        destination: outbox.destination,
        status: outbox.status,
        attempts: outbox.attempts,
        nextAttemptAt: outbox.nextAttemptAt,
        lastError: outbox.lastError,
        gatewayRef: outbox.gatewayRef,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
      })
      .from(outbox)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(500);
    return c.json({ messages: rows });
  };
}

/** Delivers what is due now, after the work still running behind earlier answers (a recovery's link email). */
export function drainOutboxHandler(
  dispatcher: OutboxDispatcher,
  settle: () => Promise<void> = async () => {},
) {
  return async (c: Context) => {
    await settle();
    return c.json(await dispatcher.drain());
  };
}
