// The mailbox in SQL, as Mailpit's API asks for it: pages, messages, reads and deletions. Writing, counting, the page
// directory and tags are modules of their own; this store puts them together and keeps their caches in step.
import type { Database } from "@inps-sim/db";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { messageData, messages, messageTags, tags, type StoredPart } from "../db/schema.ts";
import type { ParsedMessage } from "../mime/parse.ts";
import { searchConditions } from "../search/search-query.ts";
import { TagStore } from "../tags/tags.store.ts";
import { MailboxStats, type Stats } from "./mailbox-stats.ts";
import {
  MessageWriter,
  toSummary,
  type InsertInput,
  type InsertResult,
  type MessageSummary,
  type SummaryRow,
} from "./message-writer.ts";
import { DEEP_OFFSET, PageDirectory } from "./page-directory.ts";

export type { InsertInput, InsertResult, MessageSummary, Stats };

export interface StoredMessage {
  summary: MessageSummary;
  raw: Buffer;
  date: Date | null;
  returnPath: string;
  text: string;
  html: string;
  attachments: StoredPart[];
  inline: StoredPart[];
  envelope: { from: string; to: string[] };
  pecReceipt: string | null;
  /** Times the same message (Message-ID and sender) arrived again after it was stored. */
  redeliveries: number;
}

export interface Page {
  start: number;
  limit: number;
  /** Only messages received before this instant (Mailpit's `before`). */
  before?: Date | undefined;
  /** The time zone after:/before: in a search are read in (Mailpit's `tz`). */
  tz?: string | undefined;
}

const summaryColumns = {
  id: messages.id,
  created: messages.created,
  messageId: messages.messageId,
  subject: messages.subject,
  username: messages.username,
  from: messages.from,
  to: messages.to,
  cc: messages.cc,
  bcc: messages.bcc,
  replyTo: messages.replyTo,
  size: messages.size,
  attachments: messages.attachments,
  read: messages.read,
  snippet: messages.snippet,
};

const newestFirst = [desc(messages.created), desc(messages.seq)];

export class MailStore {
  readonly tags: TagStore;
  readonly #stats: MailboxStats;
  readonly #directory: PageDirectory;
  readonly #writer: MessageWriter;

  constructor(private readonly db: Database) {
    this.tags = new TagStore(db);
    this.#stats = new MailboxStats(db, () => this.tags.all());
    this.#directory = new PageDirectory(db);
    this.#writer = new MessageWriter(db, (added, tagged) =>
      tagged ? this.#stats.invalidate() : this.#stats.added(added),
    );
  }

  /** Stores a message (or records a resend of one stored before); resolves once it is committed. */
  insert(input: InsertInput): Promise<InsertResult> {
    return this.#writer.insert(input);
  }

  /** See MessageWriter.redelivery. */
  redelivery(envelope: { from: string }, messageId: string): Promise<string | null> {
    return this.#writer.redelivery(envelope, messageId);
  }

  parseLeftovers(
    parse: (raw: Buffer) => Promise<ParsedMessage>,
    tagsOf: (parsed: ParsedMessage, envelope: { from: string; to: string[] }) => string[],
  ) {
    return this.#writer.parseLeftovers(parse, tagsOf);
  }

  /** Told the mailbox's size whenever it is known anew (after writes, recounts and emptying). */
  set onSize(listener: (total: number) => void) {
    this.#stats.onSize = listener;
  }

  invalidate(): void {
    this.#stats.invalidate();
  }

  /** After the whole schema was emptied from outside (the control plane's reset). */
  emptied(): void {
    this.#directory.removed();
    this.#stats.emptied();
  }

  get deletedCount(): number {
    return this.#stats.deleted;
  }

  stats(): Promise<Stats> {
    return this.#stats.stats();
  }

  allTags(): Promise<string[]> {
    return this.tags.all();
  }

  tagCounts(): Promise<Record<string, number>> {
    return this.tags.counts();
  }

  /** Matches of a search and how many are unread (see MailboxStats.count). */
  count(search: string, before?: Date, tz?: string): Promise<{ count: number; unread: number }> {
    return this.#stats.count(
      `${before?.toISOString() ?? ""}|${tz ?? ""}|${search}`,
      this.#where(search, before, tz),
    );
  }

  /**
   * One page of messages, newest first, matching `search` (empty: all). `limit` 0 is Mailpit's quirk: the list gives
   * the whole mailbox and ignores `start` (storage/messages.go:223-225), a search gives nothing (search.go:82-86).
   */
  async page(search: string, page: Page): Promise<MessageSummary[]> {
    if (page.limit === 0 && search) return [];
    if (!search && !page.before && page.start >= DEEP_OFFSET && page.limit > 0) {
      // Deep in the whole mailbox: start from the nearest key of the page directory.
      const { key, skip } = await this.#directory.seek(page.start);
      const rows = await this.db
        .select(summaryColumns)
        .from(messages)
        .where(
          key
            ? sql`(${messages.created}, ${messages.seq}) <= (${key.created}::timestamptz, ${key.seq})`
            : undefined,
        )
        .orderBy(...newestFirst)
        .limit(page.limit)
        .offset(skip);
      return this.#withTags(rows);
    }
    const query = this.db
      .select(summaryColumns)
      .from(messages)
      .where(this.#where(search, page.before, page.tz))
      .orderBy(...newestFirst);
    const rows = page.limit > 0 ? await query.limit(page.limit).offset(page.start) : await query;
    return this.#withTags(rows);
  }

  async latestId(search: string): Promise<string | null> {
    const [row] = await this.db
      .select({ id: messages.id })
      .from(messages)
      .where(this.#where(search))
      .orderBy(...newestFirst)
      .limit(1);
    return row?.id ?? null;
  }

  async get(id: string): Promise<StoredMessage | null> {
    const [row] = await this.db
      .select({
        ...summaryColumns,
        data: messageData,
        pecReceipt: messages.pecReceipt,
        redeliveries: messages.redeliveries,
      })
      .from(messages)
      .innerJoin(messageData, eq(messageData.id, messages.id))
      .where(eq(messages.id, id));
    if (!row) return null;
    const [summary] = await this.#withTags([row]);
    return {
      summary: summary!,
      raw: row.data.raw,
      date: row.data.date,
      returnPath: row.data.returnPath,
      text: row.data.text,
      html: row.data.html,
      attachments: row.data.parts.attachments,
      inline: row.data.parts.inline,
      envelope: row.data.envelope,
      pecReceipt: row.pecReceipt,
      redeliveries: row.redeliveries,
    };
  }

  /** The source as received, and how many times it was resent (for the headers answer). */
  async raw(id: string): Promise<Buffer | null> {
    return (await this.source(id))?.raw ?? null;
  }

  async source(id: string): Promise<{ raw: Buffer; redeliveries: number } | null> {
    const [row] = await this.db
      .select({ raw: messageData.raw, redeliveries: messages.redeliveries })
      .from(messageData)
      .innerJoin(messages, eq(messages.id, messageData.id))
      .where(eq(messageData.id, id));
    return row ?? null;
  }

  /** Marks one message read (reading it does this); true when it was unread. */
  async markRead(id: string): Promise<boolean> {
    const changed = await this.db
      .update(messages)
      .set({ read: true })
      .where(and(eq(messages.id, id), sql`not ${messages.read}`))
      .returning({ id: messages.id });
    if (changed.length > 0) this.#stats.readOne();
    return changed.length > 0;
  }

  /** Marks messages read or unread: by IDs, by search, or (neither) all of them. */
  async setRead(
    read: boolean,
    target: { ids?: string[]; search?: string; tz?: string | undefined },
  ): Promise<void> {
    const conditions: SQL[] = [sql`${messages.read} <> ${read}`];
    if (target.ids && target.ids.length > 0) conditions.push(inArray(messages.id, target.ids));
    else if (target.search) conditions.push(...searchConditions(target.search, target.tz));
    await this.db
      .update(messages)
      .set({ read })
      .where(and(...conditions));
    this.#stats.invalidate();
  }

  async deleteAll(): Promise<void> {
    const { total } = await this.stats();
    await this.db.execute(
      sql`truncate table ${messageTags}, ${messageData}, ${messages}, ${tags} restart identity`,
    );
    this.#stats.removed(total);
    this.emptied();
  }

  async deleteIds(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#delete(inArray(messages.id, ids));
  }

  async deleteSearch(search: string, tz?: string): Promise<void> {
    await this.#delete(this.#where(search, undefined, tz));
  }

  async #delete(where: SQL | undefined): Promise<void> {
    const gone = await this.db.delete(messages).where(where).returning({ id: messages.id });
    await this.tags.prune();
    this.#directory.removed();
    this.#stats.removed(gone.length);
  }

  /** Replaces the tags of each message (Mailpit's PUT /api/v1/tags); unknown IDs are skipped. */
  async setTags(ids: string[], wanted: string[]): Promise<void> {
    await this.tags.set(ids, wanted);
    this.#stats.invalidate();
  }

  async renameTag(from: string, to: string): Promise<void> {
    await this.tags.rename(from, to);
    this.#stats.invalidate();
  }

  async deleteTag(name: string): Promise<void> {
    await this.tags.delete(name);
    this.#stats.invalidate();
  }

  #where(search: string, before?: Date, tz?: string): SQL | undefined {
    const conditions = searchConditions(search, tz);
    if (before) conditions.push(sql`${messages.created} < ${before.toISOString()}::timestamptz`);
    return conditions.length > 0 ? and(...conditions) : undefined;
  }

  async #withTags(rows: SummaryRow[]): Promise<MessageSummary[]> {
    if (rows.length === 0) return [];
    const byId = await this.tags.of(rows.map((r) => r.id));
    return rows.map((r) => toSummary(r, byId.get(r.id) ?? []));
  }
}
