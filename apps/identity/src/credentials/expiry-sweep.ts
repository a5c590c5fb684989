// When the clock jumps, initial PINs whose 90 days are over become expired at once (R05), so the
// operator's timeline shows it without waiting for the citizen's next attempt.
import { rowsOf, type Database } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import { inTransaction } from "@inps-sim/db";
import { recordEvent } from "../timeline/record-event.ts";

export async function expireDueInitialPins(db: Database, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const result = await tx.execute(sql`
      update "identity"."credentials" set state = 'expired', updated_at = ${now.toISOString()}::timestamptz
      where state in ('requested', 'awaiting-activation', 'initial') and activation_deadline <= ${now.toISOString()}::timestamptz
      returning id, fiscal_code, activation_deadline`);
    const rows = rowsOf<{ id: string; fiscal_code: string; activation_deadline: string | Date }>(result);
    for (const r of rows) {
      await recordEvent(tx, {
        fiscalCode: r.fiscal_code,
        type: "initial-pin-expired",
        at: now,
        data: { credentialId: r.id, activationDeadline: new Date(r.activation_deadline).toISOString() },
      });
    }
    return rows.length;
  });
}
