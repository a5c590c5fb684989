// A PGlite data directory with every migration applied, made once: a fresh database starts from a copy of it
// instead of running initdb and the migrations (seconds of CPU, and a WASM heap that never shrinks again).
// The template is keyed by a fingerprint of the migration files, so one built by an older schema (another
// branch, a migration added since) is never used: it is rebuilt, once, by the first process that needs it.
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { ServiceMigrations } from "./migrate-service.ts";

export interface PgliteTemplate {
  /** A directory of its own: `pgdata/` (a cleanly shut down data directory), `pgdata.tar.gz`, `fingerprint.json`. */
  dir: string;
  /** The migrations the template holds, applied in this order. */
  migrations: ServiceMigrations[];
}

export interface TemplateFiles {
  /** Copied into a fresh data directory. */
  pgdata: string;
  /** Loaded by an in-memory database (PGlite's loadDataDir). */
  tarball: string;
}

/** A hash of every migration file (journal and SQL) of the given services: it changes when any migration does. */
export function migrationsFingerprint(migrations: ServiceMigrations[]): string {
  const hash = createHash("sha256");
  for (const m of migrations) {
    hash.update(`schema:${m.schema}\n`);
    const files = readdirSync(m.folder, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".sql") || f.endsWith("_journal.json"))
      .sort();
    for (const f of files) hash.update(`${f}\n`).update(readFileSync(join(m.folder, f)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The template's files if it was built for exactly these migrations, else undefined. */
export function currentTemplate(template: PgliteTemplate): TemplateFiles | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(template.dir, "fingerprint.json"), "utf8")) as {
      fingerprint?: string;
    };
    if (meta.fingerprint !== migrationsFingerprint(template.migrations)) return undefined;
    const files = { pgdata: join(template.dir, "pgdata"), tarball: join(template.dir, "pgdata.tar.gz") };
    return existsSync(join(files.pgdata, "PG_VERSION")) && existsSync(files.tarball) ? files : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the template in a directory of this process's own, then renames it into place, so a reader never sees
 * half a template and several processes that rebuild it at once (one per test worker) leave one whole template.
 * `build(pgdata)` creates the database in `pgdata`, migrates it, and returns its tarball after a checkpoint.
 */
export async function buildTemplate(
  template: PgliteTemplate,
  build: (pgdata: string) => Promise<Uint8Array>,
): Promise<TemplateFiles> {
  const fingerprint = migrationsFingerprint(template.migrations);
  mkdirSync(dirname(template.dir), { recursive: true });
  const tmp = `${template.dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const tarball = await build(join(tmp, "pgdata"));
    writeFileSync(join(tmp, "pgdata.tar.gz"), tarball);
    writeFileSync(
      join(tmp, "fingerprint.json"),
      JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }) + "\n",
    );
    if (currentTemplate(template) === undefined) {
      rmSync(template.dir, { recursive: true, force: true });
      try {
        renameSync(tmp, template.dir);
      } catch {
        // Another process put its own in place first: it holds the same migrations.
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const files = currentTemplate(template);
  if (!files) throw new Error(`the PGlite template in ${template.dir} could not be built`);
  return files;
}

/** Copies the template's data directory (about 1,100 files) into `dest`: plain copies, none of cpSync's stat calls. */
export function copyTemplateData(files: TemplateFiles, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(files.pgdata, { recursive: true, withFileTypes: true })) {
    const from = join(entry.parentPath, entry.name);
    const to = join(dest, from.slice(files.pgdata.length));
    if (entry.isDirectory()) mkdirSync(to, { recursive: true });
    else copyFileSync(from, to);
  }
}
