// Client factory: DATABASE_URL unset → PGlite (in memory, or in a data directory); postgres://… → PostgreSQL.
import { existsSync, mkdirSync, openAsBlob, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { Database, DatabaseHandle } from "./database.ts";
import { migrateService } from "./migrate-service.ts";
import {
  buildTemplate,
  copyTemplateData,
  currentTemplate,
  migrationsFingerprint,
  type PgliteTemplate,
  type TemplateFiles,
} from "./pglite-template.ts";

// Each driver is loaded only when it is used: start-up pays for one database client, not two.

export interface OpenDatabaseOptions {
  /** A postgres:// URL; unset means the embedded PGlite. */
  url?: string | undefined;
  /** PGlite only: a directory to keep the data in; unset means in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL only: pool size. */
  maxConnections?: number | undefined;
  /**
   * PGlite only: a fresh database (in memory, or a data directory without one yet) starts from this template;
   * unset, from one of initdb alone.
   */
  template?: PgliteTemplate | undefined;
  /** PGlite only: how often to checkpoint when something was written (PGlite has no checkpointer process). */
  checkpointEveryMs?: number | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir, options.template, options.checkpointEveryMs ?? 10_000);
}

// An embedded simulator needs no 128 MB buffer cache: this takes ~115 MB off the stack's memory. The WAL sizes
// bound what a checkpoint keeps (two 16 MB segments) instead of PostgreSQL's 80 MB to 1 GB.
/** PGlite's postgresql.conf settings for every database it opens (the startup benchmark's floor opens with them too). */
export const PGLITE_SETTINGS = [
  "shared_buffers=16MB",
  "wal_buffers=1MB",
  "temp_buffers=1MB",
  "work_mem=4MB",
  "maintenance_work_mem=16MB",
  "min_wal_size=32MB",
  "max_wal_size=64MB",
];

/**
 * When no template is given (tests, a service run alone): a template of initdb alone, made once per install
 * (the build makes it), so a new database costs a copy instead of initdb. In node_modules/.cache: `npm ci`
 * starts it afresh.
 */
const bareTemplate: PgliteTemplate = {
  dir: fileURLToPath(new URL("../../../node_modules/.cache/inps-sim/pglite-initdb", import.meta.url)),
  migrations: [],
};

async function openPglite(
  dataDir: string | undefined,
  template: PgliteTemplate | undefined,
  checkpointEveryMs: number,
): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  const create = (where: { dataDir?: string; loadDataDir?: Blob }) =>
    PGlite.create({
      ...where,
      postgresqlconf: PGLITE_SETTINGS,
      // Trigram indexes for the mail gateway's substring search; loading it costs ~20 ms and a few MB.
      extensions: { pg_trgm },
    });
  const fresh = !dataDir || !existsSync(join(dataDir, "PG_VERSION"));
  // A template that cannot be made (a read-only install) only costs the time it would have saved. The one of
  // initdb alone is made by the build (as the base of the stack's), not here: test files that start at once
  // would each build it, and each pay initdb twice.
  const files = !fresh
    ? undefined
    : template
      ? await preparePgliteTemplate(template).catch(() => undefined)
      : currentTemplate(bareTemplate);
  // The template's migrations are recorded beside the data: a restart whose record is current skips the migrator
  // (loading it and reading every journal cost ~0.3 s of a start), any other runs it once and records the result.
  const fingerprint = template ? migrationsFingerprint(template.migrations) : undefined;
  const record = dataDir ? join(dataDir, MIGRATIONS_RECORD) : undefined;
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    if (files) {
      copyTemplateData(files, dataDir);
      if (record && fingerprint && template?.migrations.length) writeFileSync(record, `${fingerprint}\n`);
    }
    client = await create({ dataDir });
  } else {
    client = await create(files ? { loadDataDir: await openAsBlob(files.tarball) } : {});
  }
  const current = template
    ? dataDir
      ? readRecord(record) === fingerprint
      : files !== undefined // loaded from the template, which holds exactly these migrations
    : false;
  const stopCheckpoints = checkpointWhenWritten(client, checkpointEveryMs);
  const handle: DatabaseHandle = {
    db: drizzlePglite({ client }) as unknown as Database,
    kind: "pglite",
    location: dataDir ?? "memory",
    close: async () => {
      stopCheckpoints();
      await client.close();
    },
  };
  if (template && !current) {
    try {
      for (const m of template.migrations) await migrateService(handle, m);
    } catch (error) {
      await handle.close();
      throw error;
    }
    if (record && fingerprint) writeFileSync(record, `${fingerprint}\n`);
  }
  if (template) handle.migrated = new Set(template.migrations.map((m) => m.folder));
  return handle;
}

/** In a PGlite data directory (PostgreSQL ignores files it does not know): the fingerprint of the migrations applied. */
const MIGRATIONS_RECORD = "inps-sim-migrations";

function readRecord(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** The template's files, built first if missing or made for other migrations (see pglite-template.ts). */
export async function preparePgliteTemplate(template: PgliteTemplate): Promise<TemplateFiles> {
  const current = currentTemplate(template);
  if (current) return current;
  const [{ PGlite }, { drizzle: drizzlePglite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  // initdb runs once per install: a template with migrations starts from a copy of the one of initdb alone.
  const base = template.migrations.length > 0 ? await preparePgliteTemplate(bareTemplate) : undefined;
  return buildTemplate(template, async (pgdata) => {
    if (base) copyTemplateData(base, pgdata);
    const client = await PGlite.create({
      dataDir: pgdata,
      postgresqlconf: PGLITE_SETTINGS,
      extensions: { pg_trgm },
    });
    const handle: DatabaseHandle = {
      db: drizzlePglite({ client }) as unknown as Database,
      kind: "pglite",
      location: pgdata,
      close: () => client.close(),
    };
    for (const m of template.migrations) await migrateService(handle, m);
    // A checkpoint first, so a database loaded from the tarball has no WAL to replay. Gzipped: 4.5 MB, not 41
    // (mostly the zeros of a WAL segment), which also leaves less garbage in a --memory start.
    await client.exec("CHECKPOINT");
    const tarball = new Uint8Array(await (await client.dumpDataDir("gzip")).arrayBuffer());
    await client.close();
    return tarball;
  });
}

/**
 * PGlite runs PostgreSQL in single-user mode: no checkpointer, so the WAL would grow with every write until the
 * next start (2.2 GB after 100,000 stored messages). Checkpoint now and then, when the WAL has moved since the last.
 */
function checkpointWhenWritten(client: PGlite, everyMs: number): () => void {
  let last = "";
  let busy = false;
  const lsn = async () =>
    (await client.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn")).rows[0]?.lsn ??
    "";
  const timer = setInterval(() => {
    if (busy || client.closed) return;
    busy = true;
    void (async () => {
      if ((await lsn()) === last) return;
      await client.exec("CHECKPOINT");
      last = await lsn();
    })()
      .catch(() => undefined) // closed under us, or a transaction in the way: the next tick tries again
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
