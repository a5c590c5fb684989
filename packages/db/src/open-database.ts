// Client factory: DATABASE_URL unset → PGlite (in memory, or in a data directory); postgres://… → PostgreSQL.
import { mkdirSync } from "node:fs";
import type { Database, DatabaseHandle } from "./database.ts";

// Each driver is loaded only when it is used: start-up pays for one database client, not two.

export interface OpenDatabaseOptions {
  /** A postgres:// URL; unset means the embedded PGlite. */
  url?: string | undefined;
  /** PGlite only: a directory to keep the data in; unset means in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL only: pool size. */
  maxConnections?: number | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir);
}

const PGLITE_SETTINGS = ["shared_buffers=16MB", "wal_buffers=1MB", "temp_buffers=1MB", "work_mem=4MB", "maintenance_work_mem=16MB"];

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    // An embedded simulator needs no 128 MB buffer cache: this takes ~115 MB off the stack's memory.
    postgresqlconf: PGLITE_SETTINGS,
    // Trigram indexes for the mail gateway's substring search; loading it costs ~20 ms and a few MB.
    extensions: { pg_trgm },
  });
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    location: dataDir ?? "memory",
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const [{ default: postgres }, { drizzle: drizzlePostgres }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
  ]);
  // onnotice: silence "schema already exists, skipping" notices from idempotent migrations.
  const client = postgres(url, { max, onnotice: () => {} });
  await client`select 1`; // fail fast with the server's own message when it is unreachable
  const db = drizzlePostgres({ client }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    location: redactUrl(url),
    connectionUrl: url,
    close: () => client.end({ timeout: 5 }),
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}
