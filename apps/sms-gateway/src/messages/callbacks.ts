// Delivery reports: a message sent with `statusCallback` gets one POST when it is delivered or fails,
// retried on a schedule in simulated time until the receiver answers 2xx or the schedule runs out.
import { addDuration } from "@inps-sim/domain";
import type { Database } from "@inps-sim/db";
import type { Clock } from "@inps-sim/domain";
import type { Logger } from "@inps-sim/service-kit";
import { and, asc, eq, lte } from "drizzle-orm";
import { messages, type MessageRow } from "../db/schema.ts";
import { toView } from "./messages.store.ts";

export interface DeliveryReport {
  id: string;
  to: string;
  status: "delivered" | "failed";
  at: string;
  failureReason: string | null;
  segments: number;
  attempt: number;
}

export interface CallbackDispatcher {
  /** Sends every report that is due now; resolves with how many were attempted. */
  runDue(): Promise<number>;
}

export interface CallbackOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** ISO-8601 durations between attempts; its length + 1 is the number of attempts. */
  backoff: string[];
  timeoutMs: number;
  fetch?: typeof fetch;
  batchSize?: number;
}

export function createCallbackDispatcher(options: CallbackOptions): CallbackDispatcher {
  const doFetch = options.fetch ?? fetch;
  let running: Promise<number> | null = null;

  async function attempt(row: MessageRow, now: Date): Promise<void> {
    const view = toView(row, now);
    const attemptNo = row.callbackAttempts + 1;
    const report: DeliveryReport = {
      id: row.id,
      to: row.to,
      status: view.status === "failed" ? "failed" : "delivered",
      at: row.dueAt.toISOString(),
      failureReason: view.failureReason,
      segments: row.segments,
      attempt: attemptNo,
    };
    let error: string | null = null;
    try {
      const res = await doFetch(row.statusCallback ?? "", {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "inps-sim-sms-gateway" },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: "manual",
      });
      await res.body?.cancel().catch(() => {});
      if (res.status < 200 || res.status > 299) error = `answered ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const delay = options.backoff[row.callbackAttempts];
    const state = error === null ? "done" : delay === undefined ? "gave-up" : "pending";
    await options.db
      .update(messages)
      .set({
        callbackAttempts: attemptNo,
        callbackState: state,
        callbackNextAt: state === "pending" && delay ? addDuration(now, delay) : null,
        callbackLastError: error,
      })
      .where(eq(messages.id, row.id));
    if (error !== null) {
      options.logger.warn(
        { messageId: row.id, attempt: attemptNo, state, error },
        "delivery report not accepted",
      );
    }
  }

  async function run(): Promise<number> {
    const now = options.clock.now();
    const due = await options.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.callbackState, "pending"),
          eq(messages.dropped, false),
          lte(messages.dueAt, now),
          lte(messages.callbackNextAt, now),
        ),
      )
      .orderBy(asc(messages.dueAt))
      .limit(options.batchSize ?? 100);
    await Promise.all(due.map((row) => attempt(row, now)));
    return due.length;
  }

  return {
    runDue() {
      // One run at a time; a call during a run waits for it and then looks again.
      const next: Promise<number> = (running ?? Promise.resolve(0)).catch(() => 0).then(run);
      running = next;
      void next
        .finally(() => {
          if (running === next) running = null;
        })
        .catch(() => {});
      return next;
    },
  };
}
