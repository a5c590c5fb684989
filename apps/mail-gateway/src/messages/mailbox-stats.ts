// Counts and their caches: mailbox totals kept up to date by this process's own writes (and recounted in the
// background every few seconds, in case another process shares the database), and the counts of searches,
// remembered until this process next writes, so that a list costs one page query.
import type { Database } from "@inps-sim/db";
import { rowsOf } from "@inps-sim/db";
import { sql, type SQL } from "drizzle-orm";
import { messages } from "../db/schema.ts";

export const STATS_TTL_MS = 5000;

export interface Stats {
  total: number;
  unread: number;
  tags: string[];
}

export class MailboxStats {
  #stats: Stats | null = null;
  #statsAt = 0;
  #statsRefresh: Promise<void> | null = null;
  /** Bumped by every write of this process: a cached count is valid only for the version it was taken at. */
  #version = 0;
  #counts = new Map<string, { version: number; at: number; value: { count: number; unread: number } }>();
  #deleted = 0;

  constructor(
    private readonly db: Database,
    private readonly allTags: () => Promise<string[]>,
  ) {}

  /** Told the mailbox's size whenever it is known anew (after writes, recounts and emptying). */
  onSize: (total: number) => void = () => {};

  /** Messages deleted through this process (Mailpit's MessagesDeleted). */
  get deleted(): number {
    return this.#deleted;
  }

  /** Something changed: cached search counts are no longer valid. */
  changed(): void {
    this.#version++;
    this.#counts.clear();
  }

  /** Something changed that the kept totals cannot follow: they are recounted when next asked for. */
  invalidate(): void {
    this.#stats = null;
    this.changed();
  }

  /** `n` unread, untagged messages were stored by this process. */
  added(n: number): void {
    this.changed();
    if (!this.#stats) return;
    this.#stats.total += n;
    this.#stats.unread += n;
    this.onSize(this.#stats.total);
  }

  /** One message went from unread to read. */
  readOne(): void {
    this.changed();
    if (this.#stats) this.#stats.unread = Math.max(0, this.#stats.unread - 1);
  }

  removed(n: number): void {
    this.#deleted += n;
    this.invalidate();
  }

  /** After the whole schema was emptied (from outside, or by deleting everything). */
  emptied(): void {
    this.#stats = { total: 0, unread: 0, tags: [] };
    this.#statsAt = performance.now();
    this.changed();
    this.onSize(0);
  }

  async stats(): Promise<Stats> {
    if (this.#stats) {
      // Totals are kept exact by this process's own writes; the periodic recount runs in the background, so no list
      // waits for a count of the whole mailbox.
      if (performance.now() - this.#statsAt >= STATS_TTL_MS) this.#refresh();
      return { ...this.#stats };
    }
    const version = this.#version;
    const stats = await this.#read();
    if (version === this.#version) {
      this.#stats = stats;
      this.#statsAt = performance.now();
    }
    this.onSize(stats.total);
    return { ...stats };
  }

  #refresh(): void {
    if (this.#statsRefresh) return;
    this.#statsAt = performance.now();
    const version = this.#version;
    this.#statsRefresh = this.#read()
      .then((stats) => {
        if (version === this.#version && this.#stats) this.#stats = stats;
        this.onSize(stats.total);
      })
      .catch(() => {})
      .finally(() => {
        this.#statsRefresh = null;
      });
  }

  async #read(): Promise<Stats> {
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

  /**
   * Matches of a search and how many are unread. An exact count visits every match (a broad search, most of the
   * table), so it is remembered until this process writes anything (or STATS_TTL_MS passes): a client paging
   * through a search, or asking again, pays for it once.
   */
  async count(key: string, where: SQL | undefined): Promise<{ count: number; unread: number }> {
    const cached = this.#counts.get(key);
    if (cached && cached.version === this.#version && performance.now() - cached.at < STATS_TTL_MS)
      return { ...cached.value };
    const version = this.#version;
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
}
