// The messages table, read and written: a message's status follows from its due time and the clock.
import { randomBytes } from "node:crypto";
import type { Database } from "@inps-sim/db";
import { and, count, desc, eq, gte, max, type SQL } from "drizzle-orm";
import { messages, type MessageRow } from "../db/schema.ts";
import { classifyNumber } from "./numbers.ts";
import { countSegments, type SmsEncoding } from "./segments.ts";

export type SmsStatus = "queued" | "delivered" | "failed";

export interface SmsMessage {
  id: string;
  to: string;
  from: string;
  text: string;
  status: SmsStatus;
  createdAt: string;
  deliveredAt: string | null;
  failedAt: string | null;
  /** A stable code: malformed-number, invalid-number, landline, not-a-mobile. */
  failureReason: string | null;
  failureDetail: string | null;
  encoding: SmsEncoding;
  segments: number;
  statusCallback: string | null;
}

export const MESSAGE_ID = /^sms_[0-9a-f]{20}$/;

export const newMessageId = (): string => `sms_${randomBytes(10).toString("hex")}`;

export function statusOf(row: MessageRow, now: Date): SmsStatus {
  if (row.dropped || row.dueAt.getTime() > now.getTime()) return "queued";
  return row.outcome === "failed" ? "failed" : "delivered";
}

export function toView(row: MessageRow, now: Date): SmsMessage {
  const status = statusOf(row, now);
  return {
    id: row.id,
    to: row.to,
    from: row.from,
    text: row.text,
    status,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: status === "delivered" ? row.dueAt.toISOString() : null,
    failedAt: status === "failed" ? row.dueAt.toISOString() : null,
    failureReason: status === "failed" ? row.failureReason : null,
    failureDetail: status === "failed" ? row.failureDetail : null,
    encoding: row.encoding as SmsEncoding,
    segments: row.segments,
    statusCallback: row.statusCallback,
  };
}

export interface NewMessage {
  to: string;
  from: string;
  text: string;
  statusCallback?: string | undefined;
}

export async function insertMessage(
  db: Database,
  input: NewMessage,
  at: { now: Date; dueAt: Date; dropped: boolean },
): Promise<MessageRow> {
  const verdict = classifyNumber(input.to);
  const { encoding, segments } = countSegments(input.text);
  const [row] = await db
    .insert(messages)
    .values({
      id: newMessageId(),
      to: input.to,
      from: input.from,
      text: input.text,
      encoding,
      segments,
      createdAt: at.now,
      dueAt: at.dueAt,
      outcome: verdict.deliverable ? "delivered" : "failed",
      failureReason: verdict.deliverable ? null : verdict.reason,
      failureDetail: verdict.deliverable ? null : verdict.detail,
      dropped: at.dropped,
      statusCallback: input.statusCallback ?? null,
      callbackState: input.statusCallback && !at.dropped ? "pending" : null,
      callbackNextAt: input.statusCallback && !at.dropped ? at.dueAt : null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export interface ListFilter {
  to?: string | undefined;
  since?: Date | undefined;
  limit: number;
}

export async function listMessages(db: Database, filter: ListFilter): Promise<MessageRow[]> {
  const where: SQL[] = [];
  if (filter.to !== undefined) where.push(eq(messages.to, filter.to));
  if (filter.since !== undefined) where.push(gte(messages.createdAt, filter.since));
  return db
    .select()
    .from(messages)
    .where(and(...where))
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(filter.limit);
}

export async function getMessage(db: Database, id: string): Promise<MessageRow | undefined> {
  const rows = await db.select().from(messages).where(eq(messages.id, id));
  return rows[0];
}

/** Deletes every message, or only those sent to one number; returns how many went. */
export async function clearMessages(db: Database, to?: string): Promise<number> {
  const gone = await db
    .delete(messages)
    .where(to === undefined ? undefined : eq(messages.to, to))
    .returning({ id: messages.id });
  return gone.length;
}

export interface Conversation {
  to: string;
  count: number;
  lastAt: Date;
}

/** One entry per number, the most recently active first: the inbox page's left column. */
export async function listConversations(db: Database, limit: number): Promise<Conversation[]> {
  const lastAt = max(messages.createdAt);
  const rows = await db
    .select({ to: messages.to, count: count(), lastAt })
    .from(messages)
    .groupBy(messages.to)
    .orderBy(desc(lastAt))
    .limit(limit);
  return rows.map((r) => ({ to: r.to, count: Number(r.count), lastAt: new Date(r.lastAt ?? 0) }));
}
