// The SMS gateway's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
import { simClockTable, stateColumn } from "@inps-sim/db";
import { idempotencyKeysTable } from "@inps-sim/service-kit";
import { bigserial, boolean, index, integer, pgSchema, text, timestamp } from "drizzle-orm/pg-core";
import type { SmsEncoding } from "../messages/segments.ts";

export const smsSchema = pgSchema("sms");

export const simClock = simClockTable(smsSchema);

export const idempotencyKeys = idempotencyKeysTable(smsSchema);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per accepted message. Its status is not stored: it follows from `dueAt` and the simulated
 * clock (queued before, `outcome` from then on; a dropped message stays queued), so it moves exactly
 * when the clock does, however the clock moved.
 */
export const messages = smsSchema.table(
  "messages",
  {
    id: text("id").primaryKey(),
    /** Arrival order: breaks ties between messages created in the same simulated millisecond. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    text: text("text").notNull(),
    encoding: stateColumn<SmsEncoding>("encoding").notNull(),
    segments: integer("segments").notNull(),
    createdAt: instant("created_at").notNull(),
    /** When the message is delivered (or fails): createdAt plus the configured latency. */
    dueAt: instant("due_at").notNull(),
    outcome: stateColumn<"delivered" | "failed">("outcome").notNull(),
    failureReason: text("failure_reason"),
    failureDetail: text("failure_detail"),
    /** Accepted under a `drop` fault: never delivered. */
    dropped: boolean("dropped").notNull().default(false),
    statusCallback: text("status_callback"),
    /** pending | done | gave-up; null without a callback URL. */
    callbackState: stateColumn<"pending" | "done" | "gave-up">("callback_state"),
    callbackAttempts: integer("callback_attempts").notNull().default(0),
    callbackNextAt: instant("callback_next_at"),
    callbackLastError: text("callback_last_error"),
  },
  (t) => [
    index("messages_to_created_idx").on(t.to, t.createdAt),
    index("messages_created_idx").on(t.createdAt),
    index("messages_callback_idx").on(t.callbackState, t.callbackNextAt),
  ],
);

export type MessageRow = typeof messages.$inferSelect;
