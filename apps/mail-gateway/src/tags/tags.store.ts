// Tags as Mailpit keeps them: cleaned names, unique regardless of case, dropped when no message carries them.
import type { Database } from "@inps-sim/db";
import { rowsOf } from "@inps-sim/db";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { messages, messageTags, tags } from "../db/schema.ts";

/** Mailpit's CleanTag plus its ValidTagRegexp: letters, digits, - _ . @ and spaces, at most 100 characters. */
export function cleanTag(tag: string): string {
  return tag
    .replace(/[^a-zA-Z0-9\-_.@ ]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}

/** Cleaned, without empty ones, each name once regardless of case (the first spelling wins). */
export function uniqueTags(list: string[]): string[] {
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

/** Gives message `id` the tags `names` (already clean), creating the tags that do not exist yet. */
export async function setTagsIn(db: Database, id: string, names: string[]): Promise<void> {
  for (const name of names) {
    const [found] = await db
      .select({ id: tags.id })
      .from(tags)
      .where(sql`lower(${tags.name}) = lower(${name})`);
    const tagId =
      found?.id ??
      (
        await db
          .insert(tags)
          .values({ name })
          .onConflictDoUpdate({ target: tags.name, set: { name } })
          .returning({ id: tags.id })
      )[0]!.id;
    await db.insert(messageTags).values({ messageId: id, tagId }).onConflictDoNothing();
  }
}

/** A tag operation Mailpit refuses, with Mailpit's message. */
export class TagError extends Error {}

export class TagStore {
  constructor(private readonly db: Database) {}

  async all(): Promise<string[]> {
    const rows = await this.db
      .select({ name: tags.name })
      .from(tags)
      .orderBy(asc(sql`lower(${tags.name})`));
    return rows.map((r) => r.name);
  }

  /** Tag name → how many messages carry it (Mailpit's /info). */
  async counts(): Promise<Record<string, number>> {
    const rows = rowsOf<{ name: string; n: number | string }>(
      await this.db.execute(
        sql`select t.name, count(mt.message_id) as n from ${tags} t join ${messageTags} mt on mt.tag_id = t.id group by t.name order by lower(t.name)`,
      ),
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  }

  /** The tags of each of these messages, sorted as Mailpit sorts them. */
  async of(ids: string[]): Promise<Map<string, string[]>> {
    const byId = new Map<string, string[]>();
    if (ids.length === 0) return byId;
    const rows = await this.db
      .select({ id: messageTags.messageId, name: tags.name })
      .from(messageTags)
      .innerJoin(tags, eq(tags.id, messageTags.tagId))
      .where(inArray(messageTags.messageId, ids))
      .orderBy(asc(sql`lower(${tags.name})`));
    for (const t of rows) byId.set(t.id, [...(byId.get(t.id) ?? []), t.name]);
    return byId;
  }

  /** Replaces the tags of each message (Mailpit's PUT /api/v1/tags); unknown IDs are skipped. */
  async set(ids: string[], wanted: string[]): Promise<void> {
    const clean = uniqueTags(wanted);
    await this.db.transaction(async (tx) => {
      const existing = await tx.select({ id: messages.id }).from(messages).where(inArray(messages.id, ids));
      for (const { id } of existing) {
        await tx.delete(messageTags).where(eq(messageTags.messageId, id));
        if (clean.length > 0) await setTagsIn(tx as unknown as Database, id, clean);
      }
    });
    await this.prune();
  }

  /**
   * Mailpit's RenameTag (internal/storage/tags.go:204-241): an unknown tag, or a name another tag has (names compare
   * without case), is an error the API answers with 400.
   */
  async rename(from: string, to: string): Promise<void> {
    const name = cleanTag(to);
    if (!name) throw new TagError(`invalid tag name: ${name}`);
    if (from === name) return;
    const [current] = await this.db
      .select()
      .from(tags)
      .where(sql`lower(${tags.name}) = lower(${from})`);
    if (!current) throw new TagError(`tag not found: ${from}`);
    const [clash] = await this.db
      .select()
      .from(tags)
      .where(sql`lower(${tags.name}) = lower(${name}) and ${tags.id} <> ${current.id}`);
    if (clash) throw new TagError(`tag already exists: ${name}`);
    await this.db.update(tags).set({ name }).where(eq(tags.id, current.id));
  }

  /** Mailpit's DeleteTag (tags.go:245-274): an unknown tag is an error the API answers with 400. */
  async delete(name: string): Promise<void> {
    const gone = await this.db
      .delete(tags)
      .where(sql`lower(${tags.name}) = lower(${name})`)
      .returning({ id: tags.id });
    if (gone.length === 0) throw new TagError(`tag not found: ${name}`);
  }

  /** Drops the tags no message carries any more. */
  async prune(): Promise<void> {
    await this.db.execute(
      sql`delete from ${tags} t where not exists (select 1 from ${messageTags} mt where mt.tag_id = t.id)`,
    );
  }
}
