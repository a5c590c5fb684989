// The stack's database and its PGlite template, apart from start-stack.ts: main.ts starts opening the database
// before the services' code has loaded (PGlite reads and compiles its WebAssembly meanwhile).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type DatabaseHandle, type PgliteTemplate } from "@inps-sim/db";
import { identityMigrations } from "@inps-sim/identity/migrations";
import { mailMigrations } from "@inps-sim/mail-gateway/migrations";
import { postalMigrations } from "@inps-sim/postal-gateway/migrations";
import { smsMigrations } from "@inps-sim/sms-gateway/migrations";

/**
 * Every service's migrations applied to one PGlite data directory, made by the install (`npm run build`) and
 * rebuilt by the first start that finds it older than the migrations: a fresh database starts from a copy.
 */
export const stackTemplate: PgliteTemplate = {
  dir: fileURLToPath(new URL("../dist/pglite-template", import.meta.url)),
  migrations: [identityMigrations, smsMigrations, mailMigrations, postalMigrations],
};

/**
 * The stack's database: PostgreSQL at databaseUrl, or PGlite in dataDir/pglite (in memory without either). PGlite runs
 * in a worker thread: PostgreSQL starts while the services' code loads, instead of after it.
 */
export function openStackDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}): Promise<DatabaseHandle> {
  return openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir ? join(options.dataDir, "pglite") : undefined,
    template: stackTemplate,
    thread: true,
  });
}
