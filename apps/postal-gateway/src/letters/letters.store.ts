// The letters table, read and written. Status and events are the planned steps whose time has come.
import { createHash } from "node:crypto";
import type { Database } from "@inps-sim/db";
import { and, count, desc, eq, max, sql, type SQL } from "drizzle-orm";
import { letters, type LetterRow } from "../db/schema.ts";
import {
  checkAddress,
  nameKey,
  RETURN_REASONS,
  type Address,
  type ReturnReason,
  type UnknownAddress,
} from "./address.ts";
import { planJourney, type PostalService } from "./schedule.ts";

export type LetterStatus = "accepted" | "in_transit" | "delivered" | "returned_to_sender";
export type EventType = "accepted" | "in_transit" | "out_for_delivery" | "delivered" | "returned_to_sender";

export interface TrackingEvent {
  type: EventType;
  at: string;
  description: string;
}

export interface LetterSummary {
  id: string;
  recipient: Address;
  service: PostalService;
  subject: string | null;
  status: LetterStatus;
  acceptedAt: string;
  expectedDeliveryDate: string;
  deliveredAt: string | null;
  returnedAt: string | null;
  returnReason: ReturnReason | null;
}

export interface Letter extends LetterSummary {
  /** Null until the letter is delivered: nobody reads a letter while it travels, nor one that came back. */
  body: string | null;
  events: TrackingEvent[];
}

/** A letter with its text, whatever its status: what the PDF is printed from and the control plane shows. */
export interface LetterContent extends LetterSummary {
  body: string;
  events: TrackingEvent[];
}

export const LETTER_ID = /^ltr_[0-9a-f]{20}$/;

const DESCRIPTIONS: Record<EventType, string> = {
  accepted: "Accettato",
  in_transit: "In transito",
  out_for_delivery: "In consegna",
  delivered: "Consegnato",
  returned_to_sender: "Restituito al mittente",
};

const due = (at: Date | null, now: Date): at is Date => at !== null && at.getTime() <= now.getTime();

export function statusOf(row: LetterRow, now: Date): LetterStatus {
  if (due(row.finalAt, now)) return row.finalStatus;
  if (due(row.inTransitAt, now)) return "in_transit";
  return "accepted";
}

/** The same rule as statusOf, in SQL, for the `status` filter. */
export function statusSql(now: Date): SQL<string> {
  const t = sql`${now.toISOString()}::timestamptz`;
  return sql<string>`case when ${letters.finalAt} is not null and ${letters.finalAt} <= ${t} then ${letters.finalStatus}
    when ${letters.inTransitAt} <= ${t} then 'in_transit' else 'accepted' end`;
}

export function eventsOf(row: LetterRow, now: Date): TrackingEvent[] {
  const steps: Array<[EventType, Date | null]> = [
    ["accepted", row.acceptedAt],
    ["in_transit", row.inTransitAt],
    ["out_for_delivery", row.outForDeliveryAt],
    [row.finalStatus, row.finalAt],
  ];
  return steps
    .filter((s): s is [EventType, Date] => due(s[1], now))
    .map(([type, at]) => ({
      type,
      at: at.toISOString(),
      description:
        type === "returned_to_sender" && row.returnReason
          ? `${DESCRIPTIONS[type]}: ${RETURN_REASONS[row.returnReason]}`
          : DESCRIPTIONS[type],
    }));
}

export function recipientOf(row: LetterRow): Address {
  return {
    name: row.recipientName,
    street: row.recipientStreet,
    postalCode: row.recipientPostalCode,
    city: row.recipientCity,
    province: row.recipientProvince,
  };
}

export function toSummary(row: LetterRow, now: Date): LetterSummary {
  const status = statusOf(row, now);
  return {
    id: row.id,
    recipient: recipientOf(row),
    service: row.service,
    subject: row.subject,
    status,
    acceptedAt: row.acceptedAt.toISOString(),
    expectedDeliveryDate: row.expectedDeliveryDate,
    deliveredAt: status === "delivered" && row.finalAt ? row.finalAt.toISOString() : null,
    returnedAt: status === "returned_to_sender" && row.finalAt ? row.finalAt.toISOString() : null,
    returnReason: status === "returned_to_sender" ? row.returnReason : null,
  };
}

export function toLetter(row: LetterRow, now: Date): Letter {
  const content = toLetterContent(row, now);
  return { ...content, body: content.status === "delivered" ? content.body : null };
}

export function toLetterContent(row: LetterRow, now: Date): LetterContent {
  return { ...toSummary(row, now), body: row.body, events: eventsOf(row, now) };
}

export interface NewLetter {
  recipient: Address;
  service: PostalService;
  subject?: string | undefined;
  body: string;
}

/**
 * A letter's id is a hash of the seed, the recipient and how many letters that recipient already has:
 * the same scenario gets the same ids (and so the same delivery draws) in every run, whatever else
 * runs beside it.
 */
function letterId(seed: string, recipientKey: string, ordinal: number): string {
  return `ltr_${createHash("sha256").update(`${seed}\u0000${recipientKey}\u0000${ordinal}`).digest("hex").slice(0, 20)}`;
}

export async function insertLetter(
  db: Database,
  input: NewLetter,
  options: { seed: string; now: Date; dropped: boolean; unknownAddresses: UnknownAddress[] },
): Promise<LetterRow> {
  const key = nameKey(input.recipient.name);
  const postalCode = input.recipient.postalCode.trim();
  const recipientKey = `${key}|${postalCode}`;
  const [existing] = await db
    .select({ n: count() })
    .from(letters)
    .where(and(eq(letters.nameKey, key), eq(letters.recipientPostalCode, postalCode)));
  const returnReason = checkAddress(input.recipient, options.unknownAddresses);
  for (let ordinal = Number(existing?.n ?? 0) + 1; ; ordinal++) {
    const id = letterId(options.seed, recipientKey, ordinal);
    const journey = planJourney({ seed: options.seed, id, service: input.service, acceptedAt: options.now });
    const [row] = await db
      .insert(letters)
      .values({
        id,
        recipientName: input.recipient.name,
        recipientStreet: input.recipient.street,
        recipientPostalCode: postalCode,
        recipientCity: input.recipient.city,
        recipientProvince: input.recipient.province.trim().toUpperCase(),
        nameKey: key,
        service: input.service,
        subject: input.subject ?? null,
        body: input.body,
        acceptedAt: options.now,
        inTransitAt: journey.inTransitAt,
        // Lost in the post: it leaves the office and is never seen again.
        outForDeliveryAt: options.dropped ? null : journey.outForDeliveryAt,
        finalAt: options.dropped ? null : journey.finalAt,
        finalStatus: returnReason ? "returned_to_sender" : "delivered",
        returnReason,
        expectedDeliveryDate: journey.expectedDeliveryDate,
        workingDays: journey.workingDays,
        dropped: options.dropped,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
  }
}

export interface LetterFilter {
  name?: string | undefined;
  postalCode?: string | undefined;
  status?: LetterStatus | undefined;
  limit: number;
}

export async function listLetters(db: Database, filter: LetterFilter, now: Date): Promise<LetterRow[]> {
  const where: SQL[] = [];
  if (filter.name !== undefined) where.push(eq(letters.nameKey, nameKey(filter.name)));
  if (filter.postalCode !== undefined) where.push(eq(letters.recipientPostalCode, filter.postalCode.trim()));
  if (filter.status !== undefined) where.push(sql`${statusSql(now)} = ${filter.status}`);
  return db
    .select()
    .from(letters)
    .where(and(...where))
    .orderBy(desc(letters.acceptedAt), desc(letters.seq))
    .limit(filter.limit);
}

export async function getLetter(db: Database, id: string): Promise<LetterRow | undefined> {
  const rows = await db.select().from(letters).where(eq(letters.id, id));
  return rows[0];
}

export async function clearLetters(db: Database, name?: string): Promise<number> {
  const gone = await db
    .delete(letters)
    .where(name === undefined ? undefined : eq(letters.nameKey, nameKey(name)))
    .returning({ id: letters.id });
  return gone.length;
}

export interface Mailbox {
  nameKey: string;
  name: string;
  count: number;
  lastAt: Date;
}

/** One entry per recipient (by name), the most recent first: the mailbox page's index. */
export async function listMailboxes(db: Database, limit: number): Promise<Mailbox[]> {
  const lastAt = max(letters.acceptedAt);
  const rows = await db
    .select({ nameKey: letters.nameKey, name: max(letters.recipientName), count: count(), lastAt })
    .from(letters)
    .groupBy(letters.nameKey)
    .orderBy(desc(lastAt))
    .limit(limit);
  return rows.map((r) => ({
    nameKey: r.nameKey,
    name: r.name ?? r.nameKey,
    count: Number(r.count),
    lastAt: new Date(r.lastAt ?? 0),
  }));
}
