// The writer: stores parsed messages, many at a time. Concurrent arrivals (several SMTP connections) are written
// together: one statement for the whole batch, prepared once, which is what lets ingest keep up with many senders.
// A message is stored once per Message-ID and sender: a resend (a sender that retries after a crash, before it saw
// the 250) is recorded as a redelivery of the message already stored.
import { batchWriter, jsonParam, preparedStatement, rowsOf, statementSql, type Database } from "@inps-sim/db";
import { eq, sql } from "drizzle-orm";
import { messageData, messages, type MailAddress, type StoredPart } from "../db/schema.ts";
import { goTime } from "../http/go-time.ts";
import { newMessageId } from "../ids.ts";
import { addressText, type ParsedMessage } from "../mime/parse.ts";
import { setTagsIn, uniqueTags } from "../tags/tags.store.ts";

/** Mailpit's MessageSummary, as listed and searched. */
export interface MessageSummary {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: MailAddress;
  To: MailAddress[];
  Cc: MailAddress[];
  Bcc: MailAddress[];
  ReplyTo: MailAddress[];
  Subject: string;
  Created: string;
  Username: string;
  Tags: string[];
  Size: number;
  Attachments: number;
  Snippet: string;
}

export interface InsertInput {
  parsed: ParsedMessage;
  raw: Buffer;
  created: Date;
  envelope: { from: string; to: string[] };
  tags?: string[];
  /** The SMTP AUTH user name ("" or absent: none). */
  username?: string;
  pecReceipt?: string | undefined;
  /**
   * Who sent it and the Message-ID they gave, which name it once (a resend is a redelivery). Default: the envelope
   * sender and the message's own Message-ID; null: never compared (the PEC provider's receipts).
   */
  origin?: { sender: string; messageId: string } | null;
}

export interface InsertResult {
  /** The message as stored; for a redelivery, the one stored before (its ID), as this copy describes it. */
  summary: MessageSummary;
  /** Same Message-ID from the same sender as a message already stored: counted, not stored again. */
  redelivered: boolean;
}

/**
 * PostgreSQL cannot keep U+0000 in text or jsonb (a sender that retried a 451 for ever was the result). The raw
 * message keeps it, byte for byte (bytea); what was parsed from it shows U+FFFD where the NUL was.
 */
export function storable<T>(value: T): T {
  if (typeof value === "string")
    return (value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)])) as T;
  }
  return value;
}

/** Who a message is from, for telling a resend apart: the envelope sender, lower-cased. */
const senderKey = (from: string) => storable(from.toLowerCase());

export class MessageWriter {
  /** Stores a message, or records it as a redelivery of the one stored before. */
  readonly insert: (input: InsertInput) => Promise<InsertResult>;
  readonly #insertBatch: (params: unknown[]) => Promise<unknown[]>;

  constructor(
    private readonly db: Database,
    /** Told after each batch: how many untagged messages were added, or that tags changed too. */
    private readonly stored: (added: number, tagged: boolean) => void,
  ) {
    this.#insertBatch = preparedStatement(db, INSERT_BATCH);
    this.insert = batchWriter((inputs) => this.#write(inputs));
  }

  async #write(inputs: InsertInput[]): Promise<InsertResult[]> {
    const prepared = inputs.map((input) => prepare(input, newMessageId()));
    // A resend inside the batch is the redelivery of its first copy.
    const first = new Map<string, Prepared>();
    const fresh: Prepared[] = [];
    const copyOf = prepared.map((p) => {
      const key = dedupeKey(p);
      const earlier = key === null ? undefined : first.get(key);
      if (earlier) return earlier;
      if (key !== null) first.set(key, p);
      fresh.push(p);
      return null;
    });
    const tagged = fresh.some((p) => p.tags.length > 0);
    const json = batchJson(fresh);
    let insertedRows: unknown[];
    if (!tagged) insertedRows = await this.#insertBatch([json]);
    else
      insertedRows = await this.db.transaction(async (tx) => {
        const rows = rowsOf<{ id: string }>(await tx.execute(statementSql(INSERT_BATCH, [json])));
        const inserted = new Set(rows.map((r) => r.id));
        for (const p of fresh)
          if (p.tags.length > 0 && inserted.has(p.row.id))
            await setTagsIn(tx as unknown as Database, p.row.id, p.tags);
        return rows;
      });
    const inserted = new Set(rowsOf<{ id: string }>(insertedRows).map((r) => r.id));
    // The others repeat a message stored before (by this batch, an earlier one, or another process): counted on it.
    const isFresh = (p: Prepared, i: number) => copyOf[i] === null && inserted.has(p.row.id);
    const again = new Map<string, { sender: string; message_id: string; n: number }>();
    prepared.forEach((p, i) => {
      if (isFresh(p, i)) return;
      const key = dedupeKey(p);
      if (key === null) throw new Error("a message without a Message-ID was not stored");
      const entry = again.get(key) ?? { sender: p.row.sender!, message_id: p.row.originId!, n: 0 };
      entry.n++;
      again.set(key, entry);
    });
    const existing =
      again.size > 0 ? await this.#countRedeliveries([...again.values()]) : new Map<string, string>();
    this.stored(inserted.size, tagged);
    return prepared.map((p, i) => {
      if (isFresh(p, i)) return { summary: toSummary({ ...p.row, read: false }, p.tags), redelivered: false };
      const id = existing.get(dedupeKey(p)!);
      if (!id) throw new Error("a resent message met a stored one that is gone");
      return { summary: toSummary({ ...p.row, id, read: false }, p.tags), redelivered: true };
    });
  }

  /** Adds the resends to the messages they repeat; answers their IDs by dedupe key. */
  async #countRedeliveries(
    resends: { sender: string; message_id: string; n: number }[],
  ): Promise<Map<string, string>> {
    const rows = rowsOf<{ id: string; sender: string; message_id: string }>(
      await this.db
        .execute(sql`with v as (select * from jsonb_to_recordset(${jsonParam(resends)}::jsonb) as v(sender text, message_id text, n int))
        update ${messages} m set redeliveries = m.redeliveries + v.n from v
        where m.sender = v.sender and m.origin_id = v.message_id
        returning m.id, m.sender, m.origin_id as message_id`),
    );
    return new Map(rows.map((r) => [`${r.sender}\u0000${r.message_id}`, r.id]));
  }

  /**
   * A message already stored with this Message-ID from this sender: its ID, with the resend counted on it; null when
   * there is none. For the PEC path, which writes receipts before the original and must not write them twice.
   */
  async redelivery(envelope: { from: string }, messageId: string): Promise<string | null> {
    if (!messageId) return null;
    const sender = senderKey(envelope.from);
    const changed = await this.db
      .update(messages)
      .set({ redeliveries: sql`${messages.redeliveries} + 1` })
      .where(sql`${messages.sender} = ${sender} and ${messages.originId} = ${storable(messageId)}`)
      .returning({ id: messages.id });
    return changed[0]?.id ?? null;
  }

  /**
   * Messages an earlier version stored raw and meant to parse later (it deferred parsing, and may have stopped before
   * it did): parsed now, once, at start-up. Nothing this version stores waits to be parsed.
   */
  async parseLeftovers(
    parse: (raw: Buffer) => Promise<ParsedMessage>,
    tagsOf: (parsed: ParsedMessage, envelope: { from: string; to: string[] }) => string[],
  ): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = rowsOf<{
        id: string;
        created: string | Date;
        raw: Buffer | Uint8Array;
        envelope: { from: string; to: string[] };
      }>(
        await this.db.execute(
          sql`select m.id, m.created, d.raw, d.envelope from ${messages} m join ${messageData} d on d.id = m.id
              where m.pending order by m.seq limit 100`,
        ),
      );
      if (rows.length === 0) return done;
      for (const r of rows) {
        const raw = Buffer.isBuffer(r.raw) ? r.raw : Buffer.from(r.raw);
        const parsed = await parse(raw).catch(() => PLACEHOLDER); // keep the message, with what little is known of it
        const p = prepare(
          {
            parsed,
            raw,
            created: new Date(r.created),
            envelope: r.envelope,
            tags: tagsOf(parsed, r.envelope),
          },
          r.id,
        );
        await this.db.transaction(async (tx) => {
          const { row, data } = p;
          // The sender stays unknown (null): messages stored before it was kept are not told apart by it.
          await tx
            .update(messages)
            .set({
              ...row,
              id: undefined,
              created: undefined,
              pecReceipt: undefined,
              username: undefined,
              sender: undefined,
              originId: undefined,
              pending: false,
            })
            .where(eq(messages.id, r.id));
          await tx
            .update(messageData)
            .set({
              date: data.date,
              returnPath: data.returnPath,
              text: data.text,
              html: data.html,
              parts: data.parts,
            })
            .where(eq(messageData.id, r.id));
          if (p.tags.length > 0) await setTagsIn(tx as unknown as Database, r.id, p.tags);
        });
        done++;
      }
      this.stored(0, true);
    }
  }
}

/** Sender and Message-ID, or null when the message has no Message-ID (then every copy is stored). */
function dedupeKey(p: Prepared): string | null {
  return p.row.sender !== null && p.row.originId !== null ? `${p.row.sender}\u0000${p.row.originId}` : null;
}

const BATCH_COLUMNS = `id text, created timestamptz, message_id text, sender text, origin_id text, subject text, username text, "from" jsonb, "to" jsonb, cc jsonb,
  bcc jsonb, reply_to jsonb, size int, attachments int, inline int, snippet text, search_text text, from_text text, to_text text,
  cc_text text, bcc_text text, reply_to_text text, pec_receipt text, raw text, date timestamptz, return_path text, text text,
  html text, parts jsonb, envelope jsonb, ord int`;

// One batch of messages: the summary rows, then the data rows of those stored (a resend of a stored message is not).
// A single statement is atomic on its own.
const INSERT_BATCH = `with v as (
    select * from jsonb_to_recordset($1::jsonb) as v(${BATCH_COLUMNS})
  ), m as (
    insert into mail.messages (id, created, message_id, sender, origin_id, subject, username, "from", "to", cc, bcc, reply_to, size, attachments, inline,
      snippet, search_text, from_text, to_text, cc_text, bcc_text, reply_to_text, pec_receipt)
    select id, created, message_id, sender, origin_id, subject, username, "from", "to", cc, bcc, reply_to, size, attachments, inline,
      snippet, search_text, from_text, to_text, cc_text, bcc_text, reply_to_text, pec_receipt from v order by ord
    on conflict do nothing
    returning id
  ), d as (
    insert into mail.message_data (id, raw, date, return_path, text, html, parts, envelope)
    select v.id, decode(v.raw, 'base64'), v.date, v.return_path, v.text, v.html, v.parts, v.envelope from v join m on m.id = v.id
  )
  select id from m`;

type Prepared = ReturnType<typeof prepare>;

const PLACEHOLDER: ParsedMessage = {
  messageId: "",
  subject: "",
  from: { Name: "", Address: "" },
  to: [],
  cc: [],
  bcc: [],
  replyTo: [],
  returnPath: "",
  date: null,
  text: "",
  html: "",
  snippet: "",
  searchText: "",
  attachments: [],
  inline: [],
  header: () => undefined,
  malformed: null,
};

/** The messages row and message_data row of one message, every parsed string storable. */
function prepare(input: InsertInput, id: string) {
  const { parsed, raw } = input;
  const origin =
    input.origin === undefined
      ? parsed.messageId
        ? { sender: input.envelope.from, messageId: parsed.messageId }
        : null
      : input.origin;
  const row = storable({
    id,
    created: input.created,
    messageId: parsed.messageId,
    sender: origin ? senderKey(origin.sender) : null,
    originId: origin?.messageId ?? null,
    subject: parsed.subject,
    username: input.username ?? "",
    from: parsed.from,
    to: parsed.to,
    cc: parsed.cc,
    bcc: parsed.bcc,
    replyTo: parsed.replyTo,
    size: raw.length,
    attachments: parsed.attachments.length,
    inline: parsed.inline.length,
    snippet: parsed.snippet,
    searchText: parsed.searchText,
    fromText: addressText(parsed.from.Address || parsed.from.Name ? [parsed.from] : []),
    toText: addressText(parsed.to),
    ccText: addressText(parsed.cc),
    bccText: addressText(parsed.bcc),
    replyToText: addressText(parsed.replyTo),
    pecReceipt: input.pecReceipt ?? null,
  });
  const data = {
    id,
    raw,
    ...storable({
      date: parsed.date,
      returnPath: parsed.returnPath,
      text: parsed.text,
      html: parsed.html,
      parts: { attachments: parsed.attachments, inline: parsed.inline } as {
        attachments: StoredPart[];
        inline: StoredPart[];
      },
      envelope: input.envelope,
    }),
  };
  return { row, data, tags: uniqueTags(input.tags ?? []) };
}

/** The batch as the one JSON parameter the batch INSERT reads (column names as in BATCH_COLUMNS). */
function batchJson(prepared: Prepared[]): string {
  return jsonParam(
    prepared.map(({ row, data }, ord) => ({
      id: row.id,
      created: row.created.toISOString(),
      message_id: row.messageId,
      sender: row.sender,
      origin_id: row.originId,
      subject: row.subject,
      username: row.username,
      from: row.from,
      to: row.to,
      cc: row.cc,
      bcc: row.bcc,
      reply_to: row.replyTo,
      size: row.size,
      attachments: row.attachments,
      inline: row.inline,
      snippet: row.snippet,
      search_text: row.searchText,
      from_text: row.fromText,
      to_text: row.toText,
      cc_text: row.ccText,
      bcc_text: row.bccText,
      reply_to_text: row.replyToText,
      pec_receipt: row.pecReceipt,
      raw: data.raw.toString("base64"),
      date: data.date ? data.date.toISOString() : null,
      return_path: data.returnPath,
      text: data.text,
      html: data.html,
      parts: data.parts,
      envelope: data.envelope,
      ord,
    })),
  );
}

export interface SummaryRow {
  id: string;
  created: Date;
  messageId: string;
  subject: string;
  username: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  size: number;
  attachments: number;
  read: boolean;
  snippet: string;
}

export function toSummary(r: SummaryRow, tagNames: string[]): MessageSummary {
  return {
    ID: r.id,
    MessageID: r.messageId,
    Read: r.read,
    From: r.from,
    To: r.to,
    Cc: r.cc,
    Bcc: r.bcc,
    ReplyTo: r.replyTo,
    Subject: r.subject,
    Created: goTime(r.created),
    Username: r.username,
    Tags: tagNames,
    Size: r.size,
    Attachments: r.attachments,
    Snippet: r.snippet,
  };
}
