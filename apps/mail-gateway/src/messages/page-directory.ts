// The page directory: every DIRECTORY_STEP-th key of the whole mailbox, newest first, so that a page deep in it
// skips at most DIRECTORY_STEP entries instead of `start`. Messages stored since it was read are all newer than its
// first key (time does not go back), so they are counted at each use, whoever stored them; a deletion by this
// process drops it, and it is read again at most every STATS_TTL_MS.
import type { Database } from "@inps-sim/db";
import { rowsOf } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import { messages } from "../db/schema.ts";
import { STATS_TTL_MS } from "./mailbox-stats.ts";

/** From this offset on, a page of the whole mailbox starts from the page directory. */
export const DEEP_OFFSET = 500;
/** One key in the directory for every this many messages. */
const DIRECTORY_STEP = 500;

export interface PageKey {
  created: string;
  seq: number;
}

interface Directory {
  keys: PageKey[];
  at: number;
}

export class PageDirectory {
  #directory: Directory | null = null;
  #reading: Promise<Directory> | null = null;
  /** Bumped by every deletion of this process: a directory read before it is not kept. */
  #orderVersion = 0;

  constructor(private readonly db: Database) {}

  /** Messages were deleted: the keys no longer stand every DIRECTORY_STEP messages apart. */
  removed(): void {
    this.#orderVersion++;
    this.#directory = null;
  }

  /** Where the message at `start` (newest first) is: a key at or before it, and how many more to skip from there. */
  async seek(start: number): Promise<{ key: PageKey | null; skip: number }> {
    let directory = this.#directory;
    if (!directory) directory = await this.#read();
    else if (performance.now() - directory.at >= STATS_TTL_MS) void this.#read().catch(() => {});
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

  #read(): Promise<Directory> {
    this.#reading ??= (async () => {
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
      const directory = {
        keys: rows.map((r) => ({ created: new Date(r.created).toISOString(), seq: Number(r.seq) })),
        at: performance.now(),
      };
      if (version === this.#orderVersion) this.#directory = directory;
      return directory;
    })().finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }
}
