// Delivers the outbox: claims due messages (FOR UPDATE SKIP LOCKED, with a wall-clock lease, so several
// dispatchers in several processes never send one twice), sends each with Idempotency-Key = outbox id,
// and on failure schedules a retry with exponential backoff in simulated time. Nothing is ever dropped.
import type { Database } from "@inps-sim/db";
import type { Clock } from "@inps-sim/domain";
import type { Logger } from "@inps-sim/service-kit";
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { inTransaction } from "@inps-sim/db";
import { outbox } from "../db/schema.ts";
import { recordEvent } from "../timeline/record-event.ts";
import type { Gateways } from "./gateways.ts";
import type { OutboundMessage } from "./message.ts";
import type { Sealer } from "./sealing.ts";

export interface DispatcherOptions {
  db: Database;
  clock: Clock;
  gateways: Gateways;
  sealer: Sealer;
  logger: Logger;
  /** Wall-clock ms a gateway may take before the attempt fails (a hanging gateway). */
  sendTimeoutMs?: number;
  /** First retry delay and cap, in simulated seconds. */
  backoff?: { baseSeconds: number; capSeconds: number };
  batchSize?: number;
}

export interface DispatchReport {
  delivered: number;
  retrying: number;
  dead: number;
}

export interface OutboxDispatcher {
  /** One pass over the messages due now. */
  runOnce(): Promise<DispatchReport>;
  /** Passes until nothing due is left (or `maxRounds`): what /__sim/outbox/drain and clock moves call. */
  drain(maxRounds?: number): Promise<DispatchReport>;
  /** Asks for a pass soon, without waiting (after a commit that queued messages). No-op until started. */
  kick(): void;
  start(pollMs: number): void;
  stop(): Promise<void>;
}

class PermanentFailure extends Error {}

export function backoffSeconds(attempts: number, base: number, cap: number): number {
  return Math.min(cap, base * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

export function createOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const { db, clock, gateways, sealer, logger } = options;
  const timeoutMs = options.sendTimeoutMs ?? 5000;
  const backoff = options.backoff ?? { baseSeconds: 5, capSeconds: 600 };
  const batchSize = options.batchSize ?? 20;
  // Lease: long enough for a send to time out, so a live dispatcher's message is never taken over.
  const leaseMs = timeoutMs * 2 + 1000;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let kicked = false;

  // Leases are wall time (now() of the database): a dispatcher holds a message while it talks to the gateway.
  function claim() {
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          lte(outbox.nextAttemptAt, clock.now()),
          or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(outbox.createdAt), asc(outbox.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    return db
      .update(outbox)
      .set({
        leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000}::float8)`,
        attempts: sql`${outbox.attempts} + 1`,
      })
      .where(inArray(outbox.id, due))
      .returning({
        id: outbox.id,
        fiscalCode: outbox.fiscalCode,
        channel: outbox.channel,
        purpose: outbox.purpose,
        destination: outbox.destination,
        sealed: outbox.sealed,
        attempts: outbox.attempts,
      });
  }

  type Claimed = Awaited<ReturnType<typeof claim>>[number];

  async function send(id: string, message: OutboundMessage): Promise<string> {
    const signal = AbortSignal.timeout(timeoutMs);
    switch (message.channel) {
      case "sms": {
        const r = await gateways.sms.send(
          { to: message.to, from: "INPS", text: message.text },
          { idempotencyKey: id, signal },
        );
        return r.id;
      }
      case "letter": {
        const r = await gateways.postal.send(
          {
            recipient: message.recipient,
            service: message.service,
            subject: message.subject,
            body: message.body,
          },
          { idempotencyKey: id, signal },
        );
        return r.id;
      }
      case "email": {
        // SMTP has no idempotency key: the Message-ID carries the outbox id, so a duplicate can be told apart.
        const sending = gateways.mail.send({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<${id}@inps.it>`,
          headers: { "X-Outbox-Id": id },
        });
        const r = await Promise.race([
          sending,
          new Promise<never>((_, reject) =>
            signal.addEventListener("abort", () =>
              reject(new Error(`SMTP did not answer in ${timeoutMs} ms`)),
            ),
          ),
        ]);
        return r.messageId;
      }
    }
  }

  function isPermanent(error: unknown): boolean {
    if (error instanceof PermanentFailure) return true;
    const e = error as { status?: unknown; transient?: unknown };
    if (typeof e.status === "number")
      return e.status >= 400 && e.status < 500 && ![408, 409, 425, 429].includes(e.status);
    if (e.transient === false) return true;
    return false;
  }

  async function deliver(row: Claimed): Promise<"delivered" | "retrying" | "dead"> {
    let ref: string;
    try {
      if (!row.sealed) throw new PermanentFailure("the message has no content");
      const message = sealer.open<OutboundMessage>(row.sealed);
      ref = await send(row.id, message);
    } catch (error) {
      const reason = (error as Error).message?.slice(0, 300) ?? "unknown error";
      const dead = isPermanent(error);
      const now = clock.now();
      const next = new Date(
        now.getTime() + backoffSeconds(row.attempts, backoff.baseSeconds, backoff.capSeconds) * 1000,
      );
      await inTransaction(db, async (tx) => {
        await tx
          .update(outbox)
          .set({
            leaseUntil: null,
            lastError: reason,
            status: dead ? "dead" : "pending",
            nextAttemptAt: next,
            ...(dead ? { sealed: null } : {}),
          })
          .where(eq(outbox.id, row.id));
        await recordEvent(tx, {
          fiscalCode: row.fiscalCode,
          type: "message-failed",
          at: now,
          data: {
            outboxId: row.id,
            purpose: row.purpose,
            channel: row.channel,
            attempt: row.attempts,
            reason,
            willRetry: !dead,
          },
        });
      });
      logger.warn(
        { outboxId: row.id, channel: row.channel, attempt: row.attempts, reason, dead },
        "outbox delivery failed",
      );
      return dead ? "dead" : "retrying";
    }
    const now = clock.now();
    await inTransaction(db, async (tx) => {
      await tx
        .update(outbox)
        .set({
          status: "sent",
          sealed: null,
          leaseUntil: null,
          lastError: null,
          gatewayRef: ref,
          sentAt: now,
        })
        .where(eq(outbox.id, row.id));
      await recordEvent(tx, {
        fiscalCode: row.fiscalCode,
        type: "message-sent",
        at: now,
        data: {
          outboxId: row.id,
          purpose: row.purpose,
          channel: row.channel,
          destination: row.destination,
          gatewayRef: ref,
        },
      });
    });
    logger.info({ outboxId: row.id, channel: row.channel, purpose: row.purpose }, "outbox message delivered");
    return "delivered";
  }

  async function pass(): Promise<DispatchReport & { claimed: number }> {
    const report = { delivered: 0, retrying: 0, dead: 0, claimed: 0 };
    const rows = await claim();
    report.claimed = rows.length;
    const outcomes = await Promise.all(rows.map(deliver));
    for (const o of outcomes) report[o]++;
    return report;
  }

  // Passes in one process run one after another; other processes are kept apart by the row locks and leases.
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  }

  const dispatcher: OutboxDispatcher = {
    runOnce: () =>
      serialized(async () => {
        const { claimed: _c, ...report } = await pass();
        return report;
      }),
    drain: (maxRounds = 20) =>
      serialized(async () => {
        const total = { delivered: 0, retrying: 0, dead: 0 };
        for (let i = 0; i < maxRounds; i++) {
          const r = await pass();
          total.delivered += r.delivered;
          total.retrying += r.retrying;
          total.dead += r.dead;
          // Failed ones are rescheduled into the future: another pass now would find nothing new.
          if (r.claimed === 0 || r.delivered === 0) break;
        }
        return total;
      }),
    kick() {
      if (!started || kicked) return;
      kicked = true;
      setImmediate(() => {
        kicked = false;
        if (started)
          dispatcher.runOnce().catch((error: unknown) => logger.error({ err: error }, "outbox pass failed"));
      });
    },
    start(pollMs) {
      if (started) return;
      started = true;
      if (pollMs <= 0) return;
      const tick = () => {
        dispatcher
          .runOnce()
          .catch((error: unknown) => logger.error({ err: error }, "outbox pass failed"))
          .finally(() => {
            if (started) timer = setTimeout(tick, pollMs);
          });
      };
      timer = setTimeout(tick, pollMs);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      await chain;
    },
  };
  return dispatcher;
}
