// /__sim/reset for any service: empty every table of its schema, except the simulated clock.
import { sql } from "drizzle-orm";
import type { Database } from "./database.ts";
import { rowsOf } from "./rows-of.ts";

export async function truncateSchema(
  db: Database,
  schema: string,
  keep: string[] = ["sim_clock"],
): Promise<void> {
  const result = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE'`,
  );
  const names = rowsOf<{ table_name: string }>(result)
    .map((r) => r.table_name)
    .filter((t) => !keep.includes(t));
  if (names.length === 0) return;
  const list = names.map((t) => `"${schema}"."${t.replaceAll('"', '""')}"`).join(", ");
  await db.execute(sql.raw(`truncate table ${list} restart identity cascade`));
}
