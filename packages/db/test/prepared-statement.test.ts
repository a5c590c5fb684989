import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonParam, preparedStatement, rowsOf, statementSql, type DatabaseHandle } from "../src/index.ts";
import { openTestDatabase } from "../src/testing.ts";

let handle: DatabaseHandle & { dispose(): Promise<void> };
beforeAll(async () => {
  handle = await openTestDatabase("prepared");
  await handle.db.execute(
    sql`create table notes (id int primary key, body text not null, at timestamptz not null)`,
  );
});
afterAll(() => handle.dispose());

const INSERT = `insert into notes (id, body, at) select id, body, at from jsonb_to_recordset($1::jsonb) as v(id int, body text, at timestamptz) returning id`;

describe(`prepared statements (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("runs a constant statement with a JSON parameter, again and again", async () => {
    const insert = preparedStatement<{ id: number }>(handle.db, INSERT);
    for (let round = 0; round < 3; round++) {
      const rows = [1, 2].map((n) => ({
        id: round * 10 + n,
        body: `nota è ${n} \uD800`,
        at: "2026-03-02T09:00:00.000Z",
      }));
      expect((await insert([jsonParam(rows)])).map((r) => Number(r.id))).toEqual([
        round * 10 + 1,
        round * 10 + 2,
      ]);
    }
    const stored = rowsOf<{ body: string }>(
      await handle.db.execute(sql`select body from notes where id = 1`),
    );
    expect(stored[0]!.body).toBe("nota è 1 \uFFFD");
  });

  it("is the same statement as drizzle SQL inside a transaction, and rolls back with it", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(
          statementSql(INSERT, [jsonParam([{ id: 100, body: "in tx", at: "2026-03-02T09:00:00Z" }])]),
        );
        const seen = rowsOf<{ n: number | string }>(
          await tx.execute(sql`select count(*) as n from notes where id = 100`),
        );
        expect(Number(seen[0]!.n)).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const after = rowsOf<{ n: number | string }>(
      await handle.db.execute(sql`select count(*) as n from notes where id = 100`),
    );
    expect(Number(after[0]!.n)).toBe(0);
  });
});
