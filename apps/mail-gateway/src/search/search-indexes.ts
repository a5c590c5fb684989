// Trigram indexes for Mailpit's substring search (LIKE '%…%'), kept only while the mailbox is large enough to need
// them. Each stored message costs them about as much again as the rest of its insert; a search without them reads
// the whole table, which stays within a few milliseconds per thousand messages. So they are built once the mailbox
// reaches a threshold (MAIL_SEARCH_INDEX_THRESHOLD) and dropped once it is down to half of it (emptied, mostly).
// Not a drizzle migration: they need the pg_trgm extension, which a PostgreSQL server may not offer (the search then
// works without them, only slower); the embedded PGlite is opened with it.
import type { DatabaseHandle } from "@inps-sim/db";
import { rowsOf } from "@inps-sim/db";
import type { Logger } from "@inps-sim/service-kit";
import { sql } from "drizzle-orm";

const COLUMNS = ["search_text", "to_text", "from_text", "subject"] as const;
const indexName = (column: string) => `messages_${column}_trgm`;

export class SearchIndexes {
  #built = false;
  #available = true;
  #work: Promise<void> = Promise.resolve();
  /** Until open() has found what exists, sizes are only noted: the last one decides once it has. */
  #opened = false;
  #total = 0;
  readonly #openedOnce: Promise<void>;
  #markOpened: () => void = () => undefined;

  constructor(
    private readonly handle: DatabaseHandle,
    /** Build the indexes once the mailbox holds this many messages; 0: always keep them. */
    readonly threshold: number,
    private readonly logger?: Logger,
  ) {
    this.#openedOnce = new Promise((resolve) => {
      this.#markOpened = resolve;
    });
  }

  /**
   * Once the gateway listens (a search works without the indexes, only slower): loads pg_trgm, finds whether the
   * indexes exist, and builds or drops them for `total` messages, or for the size told since if it changed.
   */
  async open(total: number): Promise<void> {
    this.#total = total;
    try {
      await this.#find();
    } finally {
      this.#opened = true;
      this.#markOpened();
    }
    this.update(this.#total);
    await this.ready();
  }

  async #find(): Promise<void> {
    try {
      await this.handle.db.execute(sql`create extension if not exists pg_trgm`);
    } catch (error) {
      this.#available = false;
      this.logger?.warn({ err: error }, "pg_trgm is not available: mail search scans the table");
      return;
    }
    // to_regclass, not the pg_indexes view: planning the view's catalog joins cost ~90 ms of a PGlite start, this ~10.
    const found = rowsOf<{ n: number | string }>(
      await this.handle.db.execute(
        sql`select ${sql.join(
          COLUMNS.map((c) => sql`(to_regclass(${`mail.${indexName(c)}`}) is not null)::int`),
          sql` + `,
        )} as n`,
      ),
    );
    this.#built = Number(found[0]?.n ?? 0) === COLUMNS.length;
  }

  /** Told the mailbox's size after a change: builds or drops the indexes in the background when it crosses over. */
  update(total: number): void {
    this.#total = total;
    if (!this.#opened || !this.#available) return;
    // Built at the threshold, dropped at half of it: a mailbox that hovers around it does not rebuild them each time.
    const wanted =
      this.threshold === 0 || total >= this.threshold || (this.#built && total >= this.threshold / 2);
    if (wanted === this.#built) return;
    this.#built = wanted;
    this.#work = this.#work
      .then(() => (wanted ? this.#build() : this.#drop()))
      .catch((error: unknown) => {
        this.#built = !wanted;
        this.logger?.warn(
          { err: error },
          wanted ? "could not build the mail search indexes" : "could not drop the mail search indexes",
        );
      });
  }

  /** Resolves when open() has run and no build or drop is under way. */
  async ready(): Promise<void> {
    await this.#openedOnce;
    await this.#work;
  }

  async #build(): Promise<void> {
    const started = performance.now();
    // On PostgreSQL without blocking arrivals (CONCURRENTLY); PGlite has a single connection anyway.
    const concurrently = this.handle.kind === "postgres" ? "concurrently" : "";
    for (const column of COLUMNS) {
      if (concurrently)
        await this.handle.db.execute(sql.raw(`drop index if exists mail.${indexName(column)}`)); // a failed build leaves an invalid one
      await this.handle.db.execute(
        // A small pending list: new mail is searchable through the index soon, not after a long linear scan.
        sql.raw(
          `create index ${concurrently} if not exists ${indexName(column)} on mail.messages using gin (${column} gin_trgm_ops) with (gin_pending_list_limit = 256)`,
        ),
      );
    }
    this.logger?.info(
      { ms: Math.round(performance.now() - started), threshold: this.threshold },
      "mail search indexes built",
    );
  }

  async #drop(): Promise<void> {
    for (const column of COLUMNS)
      await this.handle.db.execute(sql.raw(`drop index if exists mail.${indexName(column)}`));
    this.logger?.debug("mail search indexes dropped (the mailbox is small again)");
  }
}
