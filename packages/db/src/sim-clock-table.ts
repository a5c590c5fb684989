// Every service keeps its simulated-clock offset in its own schema, so a restart keeps simulated time.
import { bigint, type PgSchema, text, timestamp } from "drizzle-orm/pg-core";

export function simClockTable(schema: PgSchema<string>) {
  return schema.table("sim_clock", {
    id: text("id").primaryKey(),
    /** Simulated time = wall time + offset, in milliseconds. */
    offsetMs: bigint("offset_ms", { mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull(),
  });
}
