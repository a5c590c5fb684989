import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateService, redactUrl, rowsOf, truncateSchema, type DatabaseHandle } from "../src/index.ts";
import { openTestDatabase } from "../src/testing.ts";

const fixture = { schema: "fixture", folder: fileURLToPath(new URL("./fixtures/drizzle", import.meta.url)) };
let handle: DatabaseHandle & { dispose(): Promise<void> };

beforeAll(async () => {
  handle = await openTestDatabase("db");
});
afterAll(() => handle.dispose());

const count = async (table: string) =>
  Number(
    rowsOf<{ n: number | string }>(await handle.db.execute(sql.raw(`select count(*) as n from ${table}`)))[0]!
      .n,
  );

describe(`database layer (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("applies a service's migrations into its own schema, once", async () => {
    await migrateService(handle, fixture);
    await migrateService(handle, fixture); // a restart re-runs nothing
    await handle.db.execute(sql`insert into fixture.notes (body) values ('kept')`);
    expect(await count("fixture.notes")).toBe(1);
    const journal = rowsOf<{ n: number | string }>(
      await handle.db.execute(sql`select count(*) as n from drizzle.migrations_fixture`),
    );
    expect(Number(journal[0]!.n)).toBe(1);
  });

  it("reset empties every table of the schema but keeps the simulated clock", async () => {
    await handle.db.execute(sql`insert into fixture.sim_clock values ('clock', 42, now())`);
    await handle.db.execute(sql`insert into fixture.notes (body) values ('gone')`);
    await truncateSchema(handle.db, "fixture");
    expect(await count("fixture.notes")).toBe(0);
    expect(await count("fixture.sim_clock")).toBe(1);
  });

  it("never prints a password in where the data lives", () => {
    expect(redactUrl("postgres://app:s3cret@db:5432/inps")).toBe("postgres://app:***@db:5432/inps");
    expect(redactUrl("not a url")).not.toContain("not a url");
  });
});
