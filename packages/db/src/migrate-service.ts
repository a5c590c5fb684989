// Each service owns a Postgres schema and a drizzle-kit migrations folder; this applies them at start.
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseHandle } from "./database.ts";

export interface ServiceMigrations {
  /** The service's Postgres schema, e.g. "sms"; its journal is the table drizzle.migrations_<schema>. */
  schema: string;
  /** Absolute path of the service's drizzle-kit output folder. */
  folder: string;
}

export async function migrateService(handle: DatabaseHandle, migrations: ServiceMigrations): Promise<void> {
  const config = {
    migrationsFolder: migrations.folder,
    // Not the service's own schema: its first migration creates that one.
    migrationsSchema: "drizzle",
    migrationsTable: `migrations_${migrations.schema}`,
  };
  // Several services (or several replicas) may migrate one PostgreSQL at once: serialise per schema.
  if (handle.kind === "postgres") {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"migrate:" + migrations.schema}))`);
      await migratePostgres(tx as unknown as PostgresJsDatabase, config);
    });
    return;
  }
  await migratePglite(handle.db as unknown as PgliteDatabase, config);
}
