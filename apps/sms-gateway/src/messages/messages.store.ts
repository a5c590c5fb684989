// The messages table, read and written: a message's status follows from its due time and the clock.
import { randomBytes } from "node:crypto";
import { batchWriter, jsonParam, preparedStatement, type Database } from "@inps-sim/db";
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

// Ids from a pool of random bytes: one call into the CSPRNG per 400 messages rather than one per message.
let pool = Buffer.alloc(0);
let used = 0;
export function newMessageId(): string {
  if (used + 10 > pool.length) {
    pool = randomBytes(4000);
    used = 0;
  }
  used += 10;
  return `sms_${pool.toString("hex", used - 10, used)}`;
}

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
    encoding: row.encoding,
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

/** A message as it is about to be stored: its number classified and its segments counted. */
export type AcceptedMessage = Omit<MessageRow, "seq" | "callbackAttempts" | "callbackLastError">;

export function acceptMessage(
  input: NewMessage,
  at: { now: Date; dueAt: Date; dropped: boolean },
): AcceptedMessage {
  const verdict = classifyNumber(input.to);
  const { encoding, segments } = countSegments(input.text);
  const reports = input.statusCallback !== undefined && !at.dropped;
  return {
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
    callbackState: reports ? "pending" : null,
    callbackNextAt: reports ? at.dueAt : null,
  };
}

export interface MessageWrite {
  message: AcceptedMessage;
  /** With an Idempotency-Key: the key row, holding the answer a retry replays; the message is stored only if the key is new. */
  idempotency?:
    { scope: string; key: string; fingerprint: string; status: number; body: unknown } | undefined;
}

const WRITE_BATCH = `with v as (
    select * from jsonb_to_recordset($1::jsonb) as v(ord int, id text, "to" text, "from" text,
      text text, encoding text, segments int, created_at timestamptz, due_at timestamptz, outcome text,
      failure_reason text, failure_detail text, dropped boolean, status_callback text, callback_state text,
      callback_next_at timestamptz, scope text, key text, fingerprint text, status int, body jsonb)
  ), k as (
    insert into sms.idempotency_keys (scope, key, fingerprint, status, body, created_at)
    select scope, key, fingerprint, status, body, created_at from v where key is not null
    on conflict do nothing
    returning scope, key
  ), m as (
    insert into sms.messages (id, "to", "from", text, encoding, segments, created_at, due_at, outcome,
      failure_reason, failure_detail, dropped, status_callback, callback_state, callback_next_at)
    select id, "to", "from", text, encoding, segments, created_at, due_at, outcome,
      failure_reason, failure_detail, dropped, status_callback, callback_state, callback_next_at
    from v where key is null or exists (select 1 from k where k.scope = v.scope and k.key = v.key)
    order by ord
    returning id
  )
  select id from m`;

/**
 * Stores messages, batching concurrent requests into one statement (constant text, so prepared once): keys first,
 * then the messages whose key is new or that have none. One statement is atomic, so a message and its key commit
 * together. Resolves true when the message was stored, false when its Idempotency-Key was already taken (the
 * caller replays the stored answer).
 */
export function createMessageWriter(db: Database): (write: MessageWrite) => Promise<boolean> {
  const writeBatch = preparedStatement<{ id: string }>(db, WRITE_BATCH);
  return batchWriter(async (writes: MessageWrite[]) => {
    // A key twice in one batch: the first request goes in; the later ones find the key taken once this commits.
    const seen = new Set<string>();
    const fresh = writes.map((w) => {
      if (!w.idempotency) return true;
      const k = `${w.idempotency.scope}\n${w.idempotency.key}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const rows = writes.flatMap(({ message: m, idempotency: k }, i) =>
      fresh[i]
        ? [
            {
              ord: i,
              id: m.id,
              to: m.to,
              from: m.from,
              text: m.text,
              encoding: m.encoding,
              segments: m.segments,
              created_at: m.createdAt.toISOString(),
              due_at: m.dueAt.toISOString(),
              outcome: m.outcome,
              failure_reason: m.failureReason,
              failure_detail: m.failureDetail,
              dropped: m.dropped,
              status_callback: m.statusCallback,
              callback_state: m.callbackState,
              callback_next_at: m.callbackNextAt?.toISOString() ?? null,
              scope: k?.scope ?? null,
              key: k?.key ?? null,
              fingerprint: k?.fingerprint ?? null,
              status: k?.status ?? null,
              body: k?.body ?? null,
            },
          ]
        : [],
    );
    const stored = new Set((await writeBatch([jsonParam(rows)])).map((r) => r.id));
    return writes.map((w) => stored.has(w.message.id));
  });
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
