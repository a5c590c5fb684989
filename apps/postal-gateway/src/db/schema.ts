// The postal gateway's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
import { simClockTable, stateColumn } from "@inps-sim/db";
import { idempotencyKeysTable } from "@inps-sim/service-kit";
import { bigserial, boolean, index, integer, pgSchema, text, timestamp } from "drizzle-orm/pg-core";
import type { ReturnReason } from "../letters/address.ts";
import type { PostalService } from "../letters/schedule.ts";

export const postalSchema = pgSchema("postal");

export const simClock = simClockTable(postalSchema);

export const idempotencyKeys = idempotencyKeysTable(postalSchema);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One row per accepted letter, with its whole journey planned at acceptance. Status and tracking
 * events are not stored: they are the planned steps whose time has come on the simulated clock.
 */
export const letters = postalSchema.table(
  "letters",
  {
    id: text("id").primaryKey(),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    recipientName: text("recipient_name").notNull(),
    recipientStreet: text("recipient_street").notNull(),
    recipientPostalCode: text("recipient_postal_code").notNull(),
    recipientCity: text("recipient_city").notNull(),
    recipientProvince: text("recipient_province").notNull(),
    /** The name's words, lower-cased and sorted: what the `name` filter compares. */
    nameKey: text("name_key").notNull(),
    service: stateColumn<PostalService>("service").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    acceptedAt: instant("accepted_at").notNull(),
    inTransitAt: instant("in_transit_at").notNull(),
    /** Null for a letter lost under a `drop` fault. */
    outForDeliveryAt: instant("out_for_delivery_at"),
    finalAt: instant("final_at"),
    finalStatus: stateColumn<"delivered" | "returned_to_sender">("final_status").notNull(),
    returnReason: stateColumn<ReturnReason>("return_reason"),
    /** Poste Italiane's target date (YYYY-MM-DD, Europe/Rome). */
    expectedDeliveryDate: text("expected_delivery_date").notNull(),
    /** The working day (after acceptance) the letter actually arrives on, drawn at acceptance. */
    workingDays: integer("working_days").notNull(),
    dropped: boolean("dropped").notNull().default(false),
  },
  (t) => [
    index("letters_name_key_idx").on(t.nameKey),
    index("letters_postal_code_idx").on(t.recipientPostalCode),
    index("letters_accepted_idx").on(t.acceptedAt),
  ],
);

export type LetterRow = typeof letters.$inferSelect;
