// The mailbox in SQL: stores parsed messages and answers Mailpit's questions a page at a time.
import { batchWriter, jsonParam, preparedStatement, rowsOf, statementSql, type Database } from "@inps-sim/db";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { messageData, messages, messageTags, tags, type MailAddress, type StoredPart } from "../db/schema.ts";
import { newMessageId } from "../ids.ts";
import { addressText, type ParsedMessage } from "../mime/parse.ts";
import { searchConditions } from "./search-query.ts";

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
}

export interface InsertInput {
  parsed: ParsedMessage;
  raw: Buffer;
  created: Date;
  envelope: { from: string; to: string[] };
  tags?: string[];
  pecReceipt?: string | undefined;
}

export interface Page {
  start: number;
  limit: number;
  /** Only messages received before this instant (Mailpit's `before`). */
  before?: Date | undefined;
}

/** Mailpit's CleanTag plus its ValidTagRegexp: letters, digits, - _ . @ and spaces, at most 100 characters. */
export function cleanTag(tag: string): string {
  return tag
    .replace(/[^a-zA-Z0-9\-_.@ ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

const summaryColumns = {
  id: messages.id,
  created: messages.created,
  messageId: messages.messageId,
  subject: messages.subject,
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

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"] };

const newestFirst = [desc(messages.created), desc(messages.seq)];

const STATS_TTL_MS = 5000;
/** From this offset on, a page of the whole mailbox starts from the page directory (see page()). */
const DEEP_OFFSET = 500;
/** One key in the page directory for every this many messages. */
const DIRECTORY_STEP = 500;

interface PageDirectory {
  keys: { created: string; seq: number }[];
  at: number;
}

export interface Stats {
  total: number;
  unread: number;
  tags: string[];
}

export class MailStore {
  /**
   * Mailbox totals, kept up to date by this process's own writes and recounted at most every few seconds
   * (in case another process shares the database), so a list costs one page query.
   */
  #stats: Stats | null = null;
  #statsAt = 0;
  #deleted = 0;

  /** Stores a message; see #write. */
  readonly insert: (input: InsertInput) => Promise<MessageSummary>;
  readonly #insertBatch: (params: unknown[]) => Promise<unknown[]>;

  constructor(private readonly db: Database) {
    this.#insertBatch = preparedStatement(db, INSERT_BATCH);
    this.insert = batchWriter((inputs) => this.#write(inputs));
  }

  invalidate(): void {
    this.#stats = null;
    this.#changed();
  }

  /** Told the mailbox's size whenever it is known anew (after writes, recounts and emptying). */
  onSize: (total: number) => void = () => {};

  /** After the whole schema was emptied from outside (the control plane's reset). */
  emptied(): void {
    this.#removed();
    this.#stats = { total: 0, unread: 0, tags: [] };
    this.#statsAt = performance.now();
    this.#changed();
    this.onSize(0);
  }

  /**
   * Bumped by every write of this process: cached search counts are valid only for the version they were taken at
   * (and for STATS_TTL_MS, in case another process shares the database).
   */
  #version = 0;
  #counts = new Map<string, { version: number; at: number; value: { count: number; unread: number } }>();
  #statsRefresh: Promise<void> | null = null;

  #changed(): void {
    this.#version++;
    this.#counts.clear();
  }

  get deletedCount(): number {
    return this.#deleted;
  }

  /**
   * Concurrent arrivals (several SMTP connections) are written together: one statement for the whole batch, prepared
   * once, which is what lets ingest keep up with many senders. A batch with tags needs a transaction, for the tag rows.
   */
  async #write(inputs: InsertInput[]): Promise<MessageSummary[]> {
    const prepared = inputs.map((input) => prepare(input, newMessageId()));
    const json = batchJson(prepared);
    if (prepared.every((p) => p.tags.length === 0)) await this.#insertBatch([json]);
    else
      await this.db.transaction(async (tx) => {
        await tx.execute(statementSql(INSERT_BATCH, [json]));
        for (const p of prepared) if (p.tags.length > 0) await setTagsIn(tx as unknown as Database, p.row.id, p.tags);
      });
    this.#changed();
    if (this.#stats && prepared.every((p) => p.tags.length === 0)) {
      this.#stats.total += prepared.length;
      this.#stats.unread += prepared.length;
      this.onSize(this.#stats.total);
    } else this.invalidate();
    return prepared.map((p) => toSummary({ ...p.row, read: false }, p.tags));
  }

  /**
   * Messages an earlier version stored raw and meant to parse later (it deferred parsing, and may have stopped before
   * it did): parsed now, once, at start-up. Nothing this version stores waits to be parsed.
   */
  async parseLeftovers(parse: (raw: Buffer) => Promise<ParsedMessage>, tagsOf: (parsed: ParsedMessage, envelope: { from: string; to: string[] }) => string[]): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = rowsOf<{ id: string; created: string | Date; pec_receipt: string | null; raw: Buffer | Uint8Array; envelope: { from: string; to: string[] } }>(
        await this.db.execute(
          sql`select m.id, m.created, m.pec_receipt, d.raw, d.envelope from ${messages} m join ${messageData} d on d.id = m.id
              where m.pending order by m.seq limit 100`,
        ),
      );
      if (rows.length === 0) return done;
      for (const r of rows) {
        const raw = Buffer.isBuffer(r.raw) ? r.raw : Buffer.from(r.raw);
        const parsed = await parse(raw).catch(() => PLACEHOLDER); // keep the message, with what little is known of it
        const p = prepare({ parsed, raw, created: new Date(r.created), envelope: r.envelope, tags: tagsOf(parsed, r.envelope) }, r.id);
        await this.db.transaction(async (tx) => {
          const { row, data } = p;
          await tx
            .update(messages)
            .set({ ...row, id: undefined, created: undefined, pecReceipt: undefined, pending: false })
            .where(eq(messages.id, r.id));
          await tx
            .update(messageData)
            .set({ date: data.date, returnPath: data.returnPath, text: data.text, html: data.html, parts: data.parts })
            .where(eq(messageData.id, r.id));
          if (p.tags.length > 0) await setTagsIn(tx as unknown as Database, r.id, p.tags);
        });
        done++;
      }
      this.invalidate();
    }
  }

  async stats(): Promise<Stats> {
    if (this.#stats) {
      // Totals are kept exact by this process's own writes; the periodic recount (for other processes sharing the
      // database) runs in the background, so no list waits for a count of the whole mailbox.
      if (performance.now() - this.#statsAt >= STATS_TTL_MS) this.#refreshStats();
      return { ...this.#stats };
    }
    return { ...(await this.#countStats()) };
  }

  #refreshStats(): void {
    if (this.#statsRefresh) return;
    this.#statsAt = performance.now();
    const version = this.#version;
    this.#statsRefresh = this.#readStats()
      .then((stats) => {
        if (version === this.#version && this.#stats) this.#stats = stats;
        this.onSize(stats.total);
      })
      .catch(() => {})
      .finally(() => {
        this.#statsRefresh = null;
      });
  }

  async #countStats(): Promise<Stats> {
    const version = this.#version;
    const stats = await this.#readStats();
    if (version === this.#version) {
      this.#stats = stats;
      this.#statsAt = performance.now();
    }
    this.onSize(stats.total);
    return stats;
  }

  async #readStats(): Promise<Stats> {
    const [counts] = rowsOf<{ total: number | string; unread: number | string }>(
      await this.db.execute(
        sql`select count(*) as total, count(*) filter (where not ${messages.read}) as unread from ${messages}`,
      ),
    );
    return {
      total: Number(counts?.total ?? 0),
      unread: Number(counts?.unread ?? 0),
      tags: await this.allTags(),
    };
  }

  async allTags(): Promise<string[]> {
    const rows = await this.db.select({ name: tags.name }).from(tags).orderBy(asc(sql`lower(${tags.name})`));
    return rows.map((r) => r.name);
  }

  async tagCounts(): Promise<Record<string, number>> {
    const rows = rowsOf<{ name: string; n: number | string }>(
      await this.db.execute(
        sql`select t.name, count(mt.message_id) as n from ${tags} t join ${messageTags} mt on mt.tag_id = t.id group by t.name order by lower(t.name)`,
      ),
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  }

  /** One page of messages, newest first, matching `search` (empty: all). */
  async page(search: string, page: Page): Promise<MessageSummary[]> {
    const where = this.#where(search, page.before);
    if (!search && !page.before && page.start >= DEEP_OFFSET && page.limit > 0) {
      // Deep in the whole mailbox: start from the nearest key of the page directory, so at most DIRECTORY_STEP
      // entries are skipped instead of `start`.
      const { key, skip } = await this.#seek(page.start);
      const rows = await this.db
        .select(summaryColumns)
        .from(messages)
        .where(key ? sql`(${messages.created}, ${messages.seq}) <= (${key.created}::timestamptz, ${key.seq})` : undefined)
        .orderBy(...newestFirst)
        .limit(page.limit)
        .offset(skip);
      return this.#withTags(rows);
    }
    const query = this.db.select(summaryColumns).from(messages).where(where).orderBy(...newestFirst);
    const rows = page.limit > 0 ? await query.limit(page.limit).offset(page.start) : await query.offset(page.start);
    return this.#withTags(rows);
  }

  /**
   * The page directory: every DIRECTORY_STEP-th key of the whole mailbox, newest first, as it was when read. Messages
   * stored since are all newer than its first key (time does not go back), so they are counted at each use, whoever
   * stored them; a deletion by this process drops the directory, and it is read again at most every STATS_TTL_MS.
   */
  #directory: PageDirectory | null = null;
  #directoryRead: Promise<PageDirectory> | null = null;

  /** Where the message at `start` (newest first) is: a key at or before it, and how many more to skip from there. */
  async #seek(start: number): Promise<{ key: { created: string; seq: number } | null; skip: number }> {
    let directory = this.#directory;
    if (!directory) directory = await this.#readDirectory();
    else if (performance.now() - directory.at >= STATS_TTL_MS) void this.#readDirectory().catch(() => {});
    const top = directory.keys[0];
    if (!top) return { key: null, skip: start };
    const [newer] = rowsOf<{ n: number | string }>(
      await this.db.execute(
        sql`select count(*) as n from ${messages} where (${messages.created}, ${messages.seq}) > (${top.created}::timestamptz, ${top.seq})`,
      ),
    );
    const ahead = Number(newer?.n ?? 0);
    if (ahead > DIRECTORY_STEP * 10) this.#directory = null; // read it again next time, rather than count so many
    if (start < ahead) return { key: null, skip: start };
    const at = Math.min(Math.floor((start - ahead) / DIRECTORY_STEP), directory.keys.length - 1);
    return { key: directory.keys[at]!, skip: start - ahead - at * DIRECTORY_STEP };
  }

  #readDirectory(): Promise<PageDirectory> {
    this.#directoryRead ??= (async () => {
      const version = this.#orderVersion;
      const rows = rowsOf<{ created: string | Date; seq: number | string }>(
        await this.db.execute(
          sql`select created, seq from (
                select ${messages.created} as created, ${messages.seq} as seq,
                  row_number() over (order by ${messages.created} desc, ${messages.seq} desc) - 1 as position
                from ${messages}) t
              where position % ${DIRECTORY_STEP} = 0 order by position`,
        ),
      );
      const directory = { keys: rows.map((r) => ({ created: new Date(r.created).toISOString(), seq: Number(r.seq) })), at: performance.now() };
      if (version === this.#orderVersion) this.#directory = directory;
      return directory;
    })().finally(() => {
      this.#directoryRead = null;
    });
    return this.#directoryRead;
  }

  /** Bumped by every deletion of this process (deleteIds, deleteSearch, emptied): a directory read before it is not kept. */
  #orderVersion = 0;

  #removed(): void {
    this.#orderVersion++;
    this.#directory = null;
  }

  /**
   * Matches of a search and how many are unread. An exact count visits every match (a broad search, most of the
   * table), so it is remembered until this process writes anything (or STATS_TTL_MS passes): a client paging
   * through a search, or asking again, pays for it once.
   */
  async count(search: string, before?: Date): Promise<{ count: number; unread: number }> {
    const key = `${before?.toISOString() ?? ""}|${search}`;
    const cached = this.#counts.get(key);
    if (cached && cached.version === this.#version && performance.now() - cached.at < STATS_TTL_MS) return { ...cached.value };
    const version = this.#version;
    const where = this.#where(search, before);
    const [row] = rowsOf<{ n: number | string; u: number | string }>(
      await this.db.execute(
        sql`select count(*) as n, count(*) filter (where not ${messages.read}) as u from ${messages} ${where ? sql`where ${where}` : sql``}`,
      ),
    );
    const value = { count: Number(row?.n ?? 0), unread: Number(row?.u ?? 0) };
    if (version === this.#version) {
      if (this.#counts.size >= 100) this.#counts.clear();
      this.#counts.set(key, { version, at: performance.now(), value });
    }
    return value;
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
      .select({ ...summaryColumns, data: messageData, pecReceipt: messages.pecReceipt })
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
    };
  }

  async raw(id: string): Promise<Buffer | null> {
    const [row] = await this.db.select({ raw: messageData.raw }).from(messageData).where(eq(messageData.id, id));
    return row?.raw ?? null;
  }

  /** Marks one message read (reading it does this); true when it was unread. */
  async markRead(id: string): Promise<boolean> {
    const changed = await this.db
      .update(messages)
      .set({ read: true })
      .where(and(eq(messages.id, id), sql`not ${messages.read}`))
      .returning({ id: messages.id });
    if (changed.length > 0) {
      this.#changed();
      if (this.#stats) this.#stats.unread = Math.max(0, this.#stats.unread - 1);
    }
    return changed.length > 0;
  }

  /** Marks messages read or unread: by IDs, by search, or (neither) all of them. */
  async setRead(read: boolean, target: { ids?: string[]; search?: string }): Promise<void> {
    const conditions: SQL[] = [sql`${messages.read} <> ${read}`];
    if (target.ids && target.ids.length > 0) conditions.push(inArray(messages.id, target.ids));
    else if (target.search) conditions.push(...searchConditions(target.search));
    await this.db.update(messages).set({ read }).where(and(...conditions));
    this.invalidate();
  }

  async deleteAll(): Promise<void> {
    const { total } = await this.stats();
    await this.db.execute(sql`truncate table ${messageTags}, ${messageData}, ${messages}, ${tags} restart identity`);
    this.#deleted += total;
    this.emptied();
  }

  async deleteIds(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const gone = await this.db.delete(messages).where(inArray(messages.id, ids)).returning({ id: messages.id });
    this.#deleted += gone.length;
    await this.#pruneTags();
    this.#removed();
    this.invalidate();
  }

  async deleteSearch(search: string): Promise<void> {
    const where = this.#where(search);
    const gone = await this.db.delete(messages).where(where).returning({ id: messages.id });
    this.#deleted += gone.length;
    await this.#pruneTags();
    this.#removed();
    this.invalidate();
  }

  /** Replaces the tags of each message (Mailpit's PUT /api/v1/tags); unknown IDs are skipped. */
  async setTags(ids: string[], wanted: string[]): Promise<void> {
    const clean = uniqueTags(wanted);
    await this.db.transaction(async (tx) => {
      const existing = await tx.select({ id: messages.id }).from(messages).where(inArray(messages.id, ids));
      for (const { id } of existing) {
        await tx.delete(messageTags).where(eq(messageTags.messageId, id));
        if (clean.length > 0) await setTagsIn(tx as unknown as Database, id, clean);
      }
    });
    await this.#pruneTags();
    this.invalidate();
  }

  async renameTag(from: string, to: string): Promise<void> {
    const name = cleanTag(to);
    if (!name) throw new Error("invalid tag name");
    const [current] = await this.db.select().from(tags).where(eq(tags.name, from));
    if (!current) throw new Error("tag not found");
    const [clash] = await this.db.select().from(tags).where(sql`lower(${tags.name}) = lower(${name})`);
    if (clash && clash.id !== current.id) {
      // Merge into the existing tag, as two tags that differ only by case are one tag.
      await this.db.execute(
        sql`insert into ${messageTags} (message_id, tag_id) select message_id, ${clash.id} from ${messageTags} where tag_id = ${current.id} on conflict do nothing`,
      );
      await this.db.delete(tags).where(eq(tags.id, current.id));
    } else {
      await this.db.update(tags).set({ name }).where(eq(tags.id, current.id));
    }
    this.invalidate();
  }

  async deleteTag(name: string): Promise<void> {
    await this.db.delete(tags).where(eq(tags.name, name));
    this.invalidate();
  }

  #where(search: string, before?: Date): SQL | undefined {
    const conditions = searchConditions(search);
    if (before) conditions.push(sql`${messages.created} < ${before.toISOString()}::timestamptz`);
    return conditions.length > 0 ? and(...conditions) : undefined;
  }

  async #withTags(rows: SummaryRow[]): Promise<MessageSummary[]> {
    if (rows.length === 0) return [];
    const tagRows = await this.db
      .select({ id: messageTags.messageId, name: tags.name })
      .from(messageTags)
      .innerJoin(tags, eq(tags.id, messageTags.tagId))
      .where(
        inArray(
          messageTags.messageId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(sql`lower(${tags.name})`));
    const byId = new Map<string, string[]>();
    for (const t of tagRows) byId.set(t.id, [...(byId.get(t.id) ?? []), t.name]);
    return rows.map((r) => toSummary(r, byId.get(r.id) ?? []));
  }

  async #pruneTags(): Promise<void> {
    await this.db.execute(
      sql`delete from ${tags} t where not exists (select 1 from ${messageTags} mt where mt.tag_id = t.id)`,
    );
  }
}

const BATCH_COLUMNS = `id text, created timestamptz, message_id text, subject text, "from" jsonb, "to" jsonb, cc jsonb, bcc jsonb,
  reply_to jsonb, size int, attachments int, inline int, snippet text, search_text text, from_text text, to_text text, cc_text text,
  bcc_text text, reply_to_text text, pec_receipt text, raw text, date timestamptz, return_path text, text text, html text,
  parts jsonb, envelope jsonb, ord int`;

// One batch of messages: the summary rows, then their data rows. A single statement is atomic on its own.
const INSERT_BATCH = `with v as (
    select * from jsonb_to_recordset($1::jsonb) as v(${BATCH_COLUMNS})
  ), m as (
    insert into mail.messages (id, created, message_id, subject, "from", "to", cc, bcc, reply_to, size, attachments, inline,
      snippet, search_text, from_text, to_text, cc_text, bcc_text, reply_to_text, pec_receipt)
    select id, created, message_id, subject, "from", "to", cc, bcc, reply_to, size, attachments, inline,
      snippet, search_text, from_text, to_text, cc_text, bcc_text, reply_to_text, pec_receipt from v order by ord
    returning id
  )
  insert into mail.message_data (id, raw, date, return_path, text, html, parts, envelope)
  select v.id, decode(v.raw, 'base64'), v.date, v.return_path, v.text, v.html, v.parts, v.envelope from v join m on m.id = v.id`;

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

/** The messages row and message_data row of one message. */
function prepare(input: InsertInput, id: string) {
  const { parsed } = input;
  const { raw } = input;
  const row = {
    id,
    created: input.created,
    messageId: parsed.messageId,
    subject: parsed.subject,
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
  };
  const data = {
    id,
    raw,
    date: parsed.date,
    returnPath: parsed.returnPath,
    text: parsed.text,
    html: parsed.html,
    parts: { attachments: parsed.attachments, inline: parsed.inline },
    envelope: input.envelope,
  };
  return { row, data, tags: uniqueTags(input.tags ?? []) };
}

/** The batch as the one JSON parameter the batch INSERT reads. */
function batchJson(prepared: Prepared[]): string {
  return jsonParam(prepared.map((p, i) => ({ ...batchRow(p), ord: i })));
}

/** One element of the JSON array the batch INSERT reads (column names as in BATCH_COLUMNS). */
function batchRow(p: Prepared): Record<string, unknown> {
  const { row, data } = p;
  return {
    id: row.id,
    created: row.created.toISOString(),
    message_id: row.messageId,
    subject: row.subject,
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
  };
}

function uniqueTags(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of list) {
    const c = cleanTag(t);
    if (!c || seen.has(c.toLowerCase())) continue;
    seen.add(c.toLowerCase());
    out.push(c);
  }
  return out;
}

async function setTagsIn(db: Database, id: string, names: string[]): Promise<void> {
  for (const name of names) {
    const [found] = await db.select({ id: tags.id }).from(tags).where(sql`lower(${tags.name}) = lower(${name})`);
    const tagId =
      found?.id ??
      (await db.insert(tags).values({ name }).onConflictDoUpdate({ target: tags.name, set: { name } }).returning({ id: tags.id }))[0]!
        .id;
    await db.insert(messageTags).values({ messageId: id, tagId }).onConflictDoNothing();
  }
}

function toSummary(r: SummaryRow, tagNames: string[]): MessageSummary {
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
    Created: r.created.toISOString(),
    Username: "",
    Tags: tagNames,
    Size: r.size,
    Attachments: r.attachments,
    Snippet: r.snippet,
  };
}
