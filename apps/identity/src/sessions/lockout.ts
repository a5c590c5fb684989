// R08: a wrong PIN blocks the credential. Counter and block change in ONE statement, guarded by "not blocked
// now", so concurrent wrong PINs (in one process or many, on one PostgreSQL) are counted once each and none
// slips through a block; and an attempt during a block changes nothing (a 423 never extends it).
import { rowsOf, type Database } from "@inps-sim/db";
import type { Policy } from "@inps-sim/domain";
import { sql } from "drizzle-orm";

export type WrongPinOutcome =
  | { counted: true; failedAttempts: number; lockedUntil: Date | null }
  | { counted: false; lockedUntil: Date };

export async function registerWrongPin(db: Database, credentialId: string, policy: Policy, now: Date): Promise<WrongPinOutcome> {
  const { threshold, baseSeconds, capSeconds, escalation } = policy.lockout;
  const at = now.toISOString();
  const doubling = escalation === "exponential" ? 1 : 0;
  const result = await db.execute(sql`
    update "identity"."credentials" set
      failed_attempts = failed_attempts + 1,
      locked_until = case
        when failed_attempts + 1 >= ${threshold}::int then ${at}::timestamptz + make_interval(secs => least(
          ${capSeconds}::float8,
          ${baseSeconds}::float8 * power(2::float8, ${doubling}::int * greatest(0, failed_attempts + 1 - ${threshold}::int))))
        else null end,
      updated_at = ${at}::timestamptz
    where id = ${credentialId} and (locked_until is null or locked_until <= ${at}::timestamptz)
    returning failed_attempts, locked_until`);
  const row = rowsOf<{ failed_attempts: number; locked_until: string | Date | null }>(result)[0];
  if (row) {
    return { counted: true, failedAttempts: Number(row.failed_attempts), lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
  }
  // A concurrent wrong PIN blocked it first: this attempt meets that block.
  const current = await db.execute(sql`select locked_until from "identity"."credentials" where id = ${credentialId}`);
  const lockedUntil = rowsOf<{ locked_until: string | Date | null }>(current)[0]?.locked_until;
  return { counted: false, lockedUntil: lockedUntil ? new Date(lockedUntil) : now };
}

/** After a right PIN: the count starts again (one statement; nothing to write when it is already zero). */
export async function clearFailures(db: Database, credentialId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.execute(sql`
    update "identity"."credentials" set failed_attempts = 0, locked_until = null
    where id = ${credentialId} and failed_attempts <> 0
      and (locked_until is null or locked_until <= ${at}::timestamptz)`);
}
