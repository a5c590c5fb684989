// PGlite in a worker thread (openDatabase({ thread: true }), as the stack opens it) answers as PGlite in the process
// does: the same rows, transactions, errors with PostgreSQL's fields, and a close that keeps what was written.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction, openDatabase, preparedStatement, rowsOf, type DatabaseHandle } from "../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "inps-db-thread-"));
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ thread: true });
  await handle.db.execute(
    sql`create table notes (id int primary key, body text not null, at timestamptz not null default now())`,
  );
});
afterAll(async () => {
  await handle.close();
  rmSync(work, { recursive: true, force: true });
});

const bodies = async () =>
  rowsOf<{ body: string }>(await handle.db.execute(sql`select body from notes order by id`)).map(
    (r) => r.body,
  );

/** The error drizzle throws, or its cause: PGlite's error with PostgreSQL's fields. */
const databaseError = (error: unknown) =>
  ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint?: string; message: string };

describe("PGlite in a worker thread", () => {
  it("answers a query with the values PGlite gives in the process (timestamps as text for drizzle, bytes, numbers)", async () => {
    const [row] = rowsOf<{ n: number; at: unknown; bytes: unknown; big: unknown }>(
      await handle.db.execute(
        sql`select 1 as n, '2026-01-15 09:00:00+00'::timestamptz as at, '\\x0102'::bytea as bytes, 12::int8 as big`,
      ),
    );
    expect(row).toEqual({ n: 1, at: "2026-01-15 09:00:00+00", bytes: new Uint8Array([1, 2]), big: 12 });
    const select = preparedStatement<{ n: number }>(handle.db, "select $1::int + 1 as n");
    expect(await select([41])).toEqual([{ n: 42 }]);
  });

  it("commits a transaction whose work succeeds", async () => {
    await inTransaction(handle.db, async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (1, 'kept')`);
    });
    expect(await bodies()).toEqual(["kept"]);
  });

  it("rolls a transaction back when its work throws, and the caller gets that error", async () => {
    const failing = inTransaction(handle.db, async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (2, 'undone')`);
      throw new Error("the work failed");
    });
    await expect(failing).rejects.toThrow("the work failed");
    expect(await bodies()).toEqual(["kept"]);
  });

  it("reports a unique violation with PostgreSQL's code and constraint", async () => {
    const error = await handle.db.execute(sql`insert into notes (id, body) values (1, 'twice')`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(databaseError(error)).toMatchObject({ code: "23505", constraint: "notes_pkey" });
    expect(databaseError(error).message).toMatch(/duplicate key/);
  });

  it("makes a query from outside wait for an open transaction, as PGlite's lock does", async () => {
    let committed = false;
    let outside: Promise<{ committedFirst: boolean; seen: string[] }> | undefined;
    await inTransaction(handle.db, async (tx) => {
      await tx.execute(sql`insert into notes (id, body) values (3, 'late')`);
      // Issued while the transaction is open: answered only after it committed, and sees its row.
      outside = bodies().then((seen) => ({ committedFirst: committed, seen }));
      await tx.execute(sql`select pg_sleep(0.05)`);
      committed = true;
    });
    expect(await outside).toEqual({ committedFirst: true, seen: ["kept", "late"] });
  });

  it("keeps what was written in a data directory across a close (PGlite's shutdown checkpoint)", async () => {
    const dataDir = join(work, "data");
    const onDisk = await openDatabase({ dataDir, thread: true });
    await onDisk.db.execute(sql`create table kept (body text)`);
    await onDisk.db.execute(sql`insert into kept values ('on disk')`);
    await onDisk.close();
    const afterClose = await onDisk.db.execute(sql`select 1`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(databaseError(afterClose).message).toMatch(/closed/);
    const again = await openDatabase({ dataDir });
    expect(rowsOf(await again.db.execute(sql`select body from kept`))).toEqual([{ body: "on disk" }]);
    await again.close();
  }, 120_000);

  it("fails to open with PGlite's own error, rather than waiting, when the data directory cannot be used", async () => {
    const foreign = join(work, "foreign");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "PG_VERSION"), "9\n"); // a data directory of another PostgreSQL
    await expect(openDatabase({ dataDir: foreign, thread: true })).rejects.toThrow(
      /PGlite failed to initialize/,
    );
  });
});
