// The Postal service's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
import { simClockTable } from "@inps-sim/db";
import { pgSchema } from "drizzle-orm/pg-core";

export const postalSchema = pgSchema("postal");

export const simClock = simClockTable(postalSchema);
