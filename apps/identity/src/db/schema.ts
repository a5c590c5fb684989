// The Identity service's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
import { simClockTable } from "@inps-sim/db";
import { pgSchema } from "drizzle-orm/pg-core";

export const identitySchema = pgSchema("identity");

export const simClock = simClockTable(identitySchema);
