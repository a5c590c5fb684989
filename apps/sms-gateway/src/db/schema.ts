// The SMS gateway's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
import { simClockTable } from "@inps-sim/db";
import { pgSchema } from "drizzle-orm/pg-core";

export const smsSchema = pgSchema("sms");

export const simClock = simClockTable(smsSchema);
