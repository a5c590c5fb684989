// Client factory: DATABASE_URL unset → PGlite (in memory, or in a data directory); postgres://… → PostgreSQL.
import { existsSync, mkdirSync, openAsBlob, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { Database, DatabaseHandle } from "./database.ts";
import { migrateService } from "./migrate-service.ts";
import { checkpointWhenWritten, createPglite } from "./pglite-create.ts";
import type { PgliteThreadClient } from "./pglite-thread.ts";
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
  /**
   * PGlite only: run PostgreSQL in a worker thread of its own (pglite-thread.ts), so that its start-up overlaps
   * what the main thread does meanwhile (the stack loads its services' code) and its queries leave the event loop
   * free. The handle's `lost` settles if that thread dies.
   */
  thread?: boolean | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(
    options.dataDir,
    options.template,
    options.checkpointEveryMs ?? 10_000,
    options.thread ?? false,
  );
}

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
  thread: boolean,
): Promise<DatabaseHandle> {
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
  const record = dataDir ? join(dataDir, MIGRATIONS_RECORD) : undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    if (files) {
      copyTemplateData(files, dataDir);
      if (record && template?.migrations.length)
        writeFileSync(record, `${migrationsFingerprint(template.migrations)}\n`);
    }
  }
  // PostgreSQL starts first (in its thread, it runs while this one goes on), drizzle's driver loads meanwhile.
  const opening = thread
    ? openThreadClient(dataDir, files?.tarball, checkpointEveryMs)
    : openLocalClient(dataDir, files?.tarball, checkpointEveryMs);
  opening.catch(() => undefined); // awaited below, after drizzle has loaded
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const { client, close, lost } = await opening;
  const fingerprint = template ? migrationsFingerprint(template.migrations) : undefined;
  const current = template
    ? dataDir
      ? readRecord(record) === fingerprint
      : files !== undefined // loaded from the template, which holds exactly these migrations
    : false;
  const handle: DatabaseHandle = {
    // The worker's client has the part of PGlite's interface that drizzle's driver calls.
    db: drizzlePglite({ client: client as PGlite }) as unknown as Database,
    kind: "pglite",
    location: dataDir ?? "memory",
    close,
    lost,
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

interface OpenClient {
  client: PGlite | PgliteThreadClient;
  close(): Promise<void>;
  lost?: Promise<Error> | undefined;
}

/** PGlite in this thread; `tarball`: a fresh in-memory database loaded from a template's. */
async function openLocalClient(
  dataDir: string | undefined,
  tarball: string | undefined,
  checkpointEveryMs: number,
): Promise<OpenClient> {
  const client = await createPglite(
    dataDir ? { dataDir } : tarball ? { loadDataDir: await openAsBlob(tarball) } : {},
  );
  const stopCheckpoints = checkpointWhenWritten(client, checkpointEveryMs);
  return {
    client,
    close: async () => {
      stopCheckpoints();
      await client.close();
    },
  };
}

/** PGlite in a worker thread, which checkpoints on its own. */
async function openThreadClient(
  dataDir: string | undefined,
  tarball: string | undefined,
  checkpointEveryMs: number,
): Promise<OpenClient> {
  const { PgliteThreadClient } = await import("./pglite-thread.ts");
  const client = new PgliteThreadClient({
    dataDir,
    tarball: dataDir ? undefined : tarball,
    checkpointEveryMs,
  });
  await client.ready;
  return { client, close: () => client.close(), lost: client.lost };
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
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  // initdb runs once per install: a template with migrations starts from a copy of the one of initdb alone.
  const base = template.migrations.length > 0 ? await preparePgliteTemplate(bareTemplate) : undefined;
  return buildTemplate(template, async (pgdata) => {
    if (base) copyTemplateData(base, pgdata);
    const client = await createPglite({ dataDir: pgdata });
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
