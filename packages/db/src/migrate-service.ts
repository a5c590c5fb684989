// Each service owns a Postgres schema and a drizzle-kit migrations folder; this applies them at start.
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./database.ts";

export interface ServiceMigrations {
  /** The service's Postgres schema, e.g. "sms"; its journal is the table drizzle.migrations_<schema>. */
  schema: string;
  /** Absolute path of the service's drizzle-kit output folder. */
  folder: string;
}

export async function migrateService(handle: DatabaseHandle, migrations: ServiceMigrations): Promise<void> {
  if (handle.migrated?.has(migrations.folder)) return;
  const config = {
    migrationsFolder: migrations.folder,
    // Not the service's own schema: its first migration creates that one.
    migrationsSchema: "drizzle",
    migrationsTable: `migrations_${migrations.schema}`,
  };
  // Several services (or several replicas) may migrate one PostgreSQL at once: serialise them (they share
  // the journal schema, and CREATE SCHEMA IF NOT EXISTS races), on a connection of its own, since the
  // migrator opens its own transaction.
  if (handle.kind === "postgres" && handle.connectionUrl) {
    const [{ default: postgres }, { drizzle }, { migrate: migratePostgres }] = await Promise.all([
      import("postgres"),
      import("drizzle-orm/postgres-js"),
      import("drizzle-orm/postgres-js/migrator"),
    ]);
    const client = postgres(handle.connectionUrl, { max: 1, onnotice: () => {} });
    try {
      const db = drizzle({ client });
      const key = "inps-sim:migrations";
      await db.execute(sql`select pg_advisory_lock(hashtext(${key}))`);
      try {
        await migratePostgres(db, config);
      } finally {
        await db.execute(sql`select pg_advisory_unlock(hashtext(${key}))`);
      }
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
  await migratePglite(handle.db as unknown as PgliteDatabase, config);
}
