// The Mail service's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
import { simClockTable } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const mailSchema = pgSchema("mail");

export const simClock = simClockTable(mailSchema);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A mailbox address as Mailpit shows it (Go's net/mail.Address). */
export interface MailAddress {
  Name: string;
  Address: string;
}

/** One row per stored message: the summary Mailpit lists and searches, kept narrow for fast scans. */
export const messages = mailSchema.table(
  "messages",
  {
    id: text("id").primaryKey(),
    /** Arrival order, to break ties between messages stored in the same millisecond. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /** Simulated time of arrival (a delayed PEC receipt carries a time in the future until it is due). */
    created: timestamp("created", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    messageId: text("message_id").notNull(),
    /**
     * The SMTP sender (envelope MAIL FROM, lower-cased; "" for the null sender) and the Message-ID it gave: together
     * they name a message once, so a resend is counted in `redeliveries`, not stored again. origin_id is message_id,
     * except on a PEC envelope, which stands for the original it carries; null where nothing is compared (no
     * Message-ID, the provider's receipts, messages stored before these columns existed).
     */
    sender: text("sender"),
    originId: text("origin_id"),
    /** How many times the same message (same Message-ID from the same sender) arrived again after it was stored. */
    redeliveries: integer("redeliveries").notNull().default(0),
    subject: text("subject").notNull(),
    /** The SMTP AUTH user name the sender logged in with ("" when it did not): Mailpit's `Username`. */
    username: text("username").notNull().default(""),
    from: jsonb("from").$type<MailAddress>().notNull(),
    to: jsonb("to").$type<MailAddress[]>().notNull(),
    cc: jsonb("cc").$type<MailAddress[]>().notNull(),
    bcc: jsonb("bcc").$type<MailAddress[]>().notNull(),
    replyTo: jsonb("reply_to").$type<MailAddress[]>().notNull(),
    size: integer("size").notNull(),
    attachments: integer("attachments").notNull(),
    inline: integer("inline").notNull(),
    read: boolean("read").notNull().default(false),
    snippet: text("snippet").notNull(),
    /** Lower-cased headers, body and attachment names, as Mailpit's SearchText. */
    searchText: text("search_text").notNull(),
    /** Lower-cased "name <address>" lists that to:/from:/cc:/bcc:/reply-to: match against. */
    fromText: text("from_text").notNull(),
    toText: text("to_text").notNull(),
    ccText: text("cc_text").notNull(),
    bccText: text("bcc_text").notNull(),
    replyToText: text("reply_to_text").notNull(),
    /** Set on the receipts this gateway writes as a PEC provider (accettazione, avvenuta-consegna, …). */
    pecReceipt: text("pec_receipt"),
    /**
     * Accepted over SMTP and stored raw, not yet parsed: the summary columns still hold placeholders. Every read
     * parses these first (MailStore.settle), so no answer ever shows one; see docs/gateways-mail.md.
     */
    pending: boolean("pending").notNull().default(false),
  },
  (t) => [
    // DESC NULLS FIRST is what "order by created desc" means in PostgreSQL: the index must match it to be used.
    index("messages_newest_idx").on(t.created.desc().nullsFirst(), t.seq.desc().nullsFirst()),
    index("messages_unread_newest_idx")
      .on(t.created.desc().nullsFirst(), t.seq.desc().nullsFirst())
      .where(sql`not ${t.read}`),
    index("messages_pending_idx")
      .on(t.seq)
      .where(sql`${t.pending}`),
    uniqueIndex("messages_origin_idx").on(t.sender, t.originId),
  ],
);

/** The message as received (raw bytes) and what was parsed from it, read one message at a time. */
export const messageData = mailSchema.table("message_data", {
  id: text("id")
    .primaryKey()
    .references(() => messages.id, { onDelete: "cascade" }),
  raw: bytea("raw").notNull(),
  date: timestamp("date", { withTimezone: true, mode: "date", precision: 3 }),
  returnPath: text("return_path").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  /** Attachment summaries (PartID, FileName, ContentType, ContentID, Size, Checksums). */
  parts: jsonb("parts").$type<{ attachments: StoredPart[]; inline: StoredPart[] }>().notNull(),
  /** SMTP envelope: MAIL FROM and RCPT TO. */
  envelope: jsonb("envelope").$type<{ from: string; to: string[] }>().notNull(),
});

export interface StoredPart {
  PartID: string;
  FileName: string;
  ContentType: string;
  ContentID: string;
  Size: number;
  Checksums: { MD5: string; SHA1: string; SHA256: string };
}

export const tags = mailSchema.table("tags", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
});

export const messageTags = mailSchema.table(
  "message_tags",
  {
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.tagId] }), index("message_tags_tag_idx").on(t.tagId)],
);

/** PEC delivery receipts waiting for their simulated delivery time (PEC_DELIVERY_DELAY). */
export const pecPending = mailSchema.table(
  "pec_pending",
  {
    id: text("id").primaryKey(),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    /** The receipt's MIME source, composed when the original was accepted. */
    raw: bytea("raw").notNull(),
    kind: text("kind").notNull(),
  },
  (t) => [index("pec_pending_due_idx").on(t.dueAt)],
);
