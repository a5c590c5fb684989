// Trigram indexes for Mailpit's substring search (LIKE '%…%'), where the database offers pg_trgm.
// Not a drizzle migration: PGlite has no pg_trgm unless loaded, and the search works without them, only slower.
import type { DatabaseHandle } from "@inps-sim/db";
import type { Logger } from "@inps-sim/service-kit";
import { sql } from "drizzle-orm";

const COLUMNS = ["search_text", "to_text", "from_text", "subject"] as const;

export async function ensureSearchIndexes(handle: DatabaseHandle, logger?: Logger): Promise<boolean> {
  if (handle.kind !== "postgres") return false;
  try {
    await handle.db.execute(sql`create extension if not exists pg_trgm`);
    for (const column of COLUMNS) {
      await handle.db.execute(
        // A small pending list: new mail is searchable through the index soon, not after a long linear scan.
        sql.raw(
          `create index if not exists messages_${column}_trgm on mail.messages using gin (${column} gin_trgm_ops) with (gin_pending_list_limit = 256)`,
        ),
      );
    }
    return true;
  } catch (error) {
    logger?.warn({ err: error }, "pg_trgm is not available: mail search scans the table");
    return false;
  }
}
