// A constant statement run by the driver itself. drizzle's execute() sends an unnamed statement, which PostgreSQL
// parses and plans again on every call; here it is prepared once per connection. For hot paths outside transactions.
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./database.ts";

type PostgresJs = {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
};
type Pglite = { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/** `text` uses $1, $2…; the function answers the rows (timestamps as the driver gives them). */
export function preparedStatement<R>(db: Database, text: string): (params: unknown[]) => Promise<R[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client && typeof (client as PostgresJs).unsafe === "function") {
    const pg = client as PostgresJs;
    return async (params) => (await pg.unsafe(text, params, { prepare: true })) as R[];
  }
  if (client && typeof (client as Pglite).query === "function") {
    const lite = client as Pglite;
    return async (params) => (await lite.query(text, params)).rows as R[];
  }
  throw new Error("preparedStatement: the database client is neither postgres.js nor PGlite");
}

/** The same statement as drizzle SQL, for where the driver cannot be reached directly (inside a transaction). */
export function statementSql(text: string, params: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)), sql`${params[Number(m[1]) - 1]}`);
    last = m.index + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}
