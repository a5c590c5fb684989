// The one database type every service is written against: drizzle's pg-core API, whichever driver is behind it.
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

export type Database = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives: a directory, "memory", or the server URL without its password. */
  location: string;
  /** PostgreSQL only: the URL, for a dedicated connection (migrations take a session-level lock on it). */
  connectionUrl?: string | undefined;
  /**
   * The migration folders known to be applied already (a PGlite database opened from the template or a data
   * directory whose recorded migrations are current): migrateService skips them without loading the migrator.
   */
  migrated?: ReadonlySet<string> | undefined;
  close(): Promise<void>;
  /** PGlite in a worker thread only: settles with the reason if that thread dies while the database is open. */
  lost?: Promise<Error> | undefined;
}
