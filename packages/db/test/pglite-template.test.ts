import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  currentTemplate,
  migrationsFingerprint,
  openDatabase,
  rowsOf,
  type PgliteTemplate,
} from "../src/index.ts";

// Its own copy of the fixture migrations, so a test can add one as another helper's branch would.
const work = mkdtempSync(join(tmpdir(), "inps-db-template-"));
const folder = join(work, "drizzle");
cpSync(fileURLToPath(new URL("./fixtures/drizzle", import.meta.url)), folder, { recursive: true });
const template: PgliteTemplate = { dir: join(work, "template"), migrations: [{ schema: "fixture", folder }] };
afterAll(() => rmSync(work, { recursive: true, force: true }));

const tables = async (handle: Awaited<ReturnType<typeof openDatabase>>) =>
  rowsOf<{ t: string }>(
    await handle.db.execute(
      sql`select table_name as t from information_schema.tables where table_schema = 'fixture' order by 1`,
    ),
  ).map((r) => r.t);

describe("the PGlite template (whatever DATABASE_URL says)", () => {
  it("gives a fresh data directory and a fresh in-memory database every migration, without migrating them", async () => {
    const dataDir = join(work, "data");
    const onDisk = await openDatabase({ dataDir, template, checkpointEveryMs: 60_000 });
    expect(await tables(onDisk)).toEqual(["notes", "sim_clock"]);
    await onDisk.db.execute(sql`insert into fixture.notes (body) values ('kept')`);
    await onDisk.close();
    // A restart reopens the directory: the template is not copied over the data again.
    const again = await openDatabase({ dataDir, template });
    expect(rowsOf<{ body: string }>(await again.db.execute(sql`select body from fixture.notes`))).toEqual([
      { body: "kept" },
    ]);
    await again.close();
    const inMemory = await openDatabase({ template });
    expect(await tables(inMemory)).toEqual(["notes", "sim_clock"]);
    await inMemory.close();
  }, 120_000);

  it("is rebuilt when a migration is added after it was made", async () => {
    const before = migrationsFingerprint(template.migrations);
    expect(currentTemplate(template)).toBeDefined();
    writeFileSync(
      join(folder, "0001_more.sql"),
      'CREATE TABLE "fixture"."more" ("id" serial PRIMARY KEY NOT NULL);\n',
    );
    const journalFile = join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: Record<string, unknown>[] };
    journal.entries.push({
      ...journal.entries[0],
      idx: 1,
      when: Number(journal.entries[0]!.when) + 1000,
      tag: "0001_more",
    });
    writeFileSync(journalFile, JSON.stringify(journal));
    expect(migrationsFingerprint(template.migrations)).not.toBe(before);
    expect(currentTemplate(template)).toBeUndefined();
    const handle = await openDatabase({ template });
    expect(await tables(handle)).toEqual(["more", "notes", "sim_clock"]);
    await handle.close();
    expect(currentTemplate(template)).toBeDefined();
  }, 120_000);

  it("migrates a data directory made before a migration was added, once, keeping its data", async () => {
    // The data directory of the first test records the migrations it was made with; the second test added one.
    const dataDir = join(work, "data");
    const record = join(dataDir, "inps-sim-migrations");
    expect(readFileSync(record, "utf8").trim()).not.toBe(migrationsFingerprint(template.migrations));
    const handle = await openDatabase({ dataDir, template });
    expect(await tables(handle)).toEqual(["more", "notes", "sim_clock"]);
    expect(rowsOf<{ body: string }>(await handle.db.execute(sql`select body from fixture.notes`))).toEqual([
      { body: "kept" },
    ]);
    await handle.close();
    expect(readFileSync(record, "utf8").trim()).toBe(migrationsFingerprint(template.migrations));
  }, 120_000);
});
