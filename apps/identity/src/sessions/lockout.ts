// R08: a wrong PIN blocks the credential. Counter and block change in ONE statement, guarded by "not blocked
// now", so concurrent wrong PINs (in one process or many, on one PostgreSQL) are counted once each and none
// slips through a block; and an attempt during a block changes nothing (a 423 never extends it).
import { rowsOf, type Database } from "@inps-sim/db";
import type { Policy } from "@inps-sim/domain";
import { sql, type SQL } from "drizzle-orm";

export type WrongPinOutcome =
  { counted: true; failedAttempts: number; lockedUntil: Date | null } | { counted: false; lockedUntil: Date };

/** The block a count of wrong PINs earns, in SQL over the row's `failed_attempts` (the count before this one). */
function lockedUntilAfter(failedAttempts: SQL, policy: Policy, at: string): SQL {
  const { threshold, baseSeconds, capSeconds, escalation } = policy.lockout;
  const doubling = escalation === "exponential" ? 1 : 0;
  return sql`case
        when ${failedAttempts} + 1 >= ${threshold}::int then ${at}::timestamptz + make_interval(secs => least(
          ${capSeconds}::float8,
          ${baseSeconds}::float8 * power(2::float8, ${doubling}::int * greatest(0, ${failedAttempts} + 1 - ${threshold}::int))))
        else null end`;
}

type CounterRow = { failed_attempts: number; locked_until: string | Date | null };

function outcomeOf(row: CounterRow | undefined): WrongPinOutcome | undefined {
  if (!row) return undefined;
  return {
    counted: true,
    failedAttempts: Number(row.failed_attempts),
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
  };
}

export async function registerWrongPin(
  db: Database,
  credentialId: string,
  policy: Policy,
  now: Date,
): Promise<WrongPinOutcome> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    update "identity"."credentials" set
      failed_attempts = failed_attempts + 1,
      locked_until = ${lockedUntilAfter(sql`failed_attempts`, policy, at)},
      updated_at = ${at}::timestamptz
    where id = ${credentialId} and (locked_until is null or locked_until <= ${at}::timestamptz)
    returning failed_attempts, locked_until`);
  const counted = outcomeOf(rowsOf<CounterRow>(result)[0]);
  if (counted) return counted;
  // A concurrent wrong PIN blocked it first: this attempt meets that block.
  const current = await db.execute(
    sql`select locked_until from "identity"."credentials" where id = ${credentialId}`,
  );
  const lockedUntil = rowsOf<{ locked_until: string | Date | null }>(current)[0]?.locked_until;
  return { counted: false, lockedUntil: lockedUntil ? new Date(lockedUntil) : now };
}

/**
 * The same count for a fiscal code with no credential, in one statement too (insert or count, guarded by "not
 * blocked now"): an unknown fiscal code meets the same blocks, with the same Retry-After, as a known one.
 */
export async function registerUnknownWrongPin(
  db: Database,
  fiscalCode: string,
  policy: Policy,
  now: Date,
): Promise<WrongPinOutcome> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    insert into "identity"."unknown_login_attempts" as a (fiscal_code, failed_attempts, locked_until, updated_at)
    values (${fiscalCode}, 1, ${lockedUntilAfter(sql`0`, policy, at)}, ${at}::timestamptz)
    on conflict (fiscal_code) do update set
      failed_attempts = a.failed_attempts + 1,
      locked_until = ${lockedUntilAfter(sql`a.failed_attempts`, policy, at)},
      updated_at = ${at}::timestamptz
    where a.locked_until is null or a.locked_until <= ${at}::timestamptz
    returning failed_attempts, locked_until`);
  const counted = outcomeOf(rowsOf<CounterRow>(result)[0]);
  if (counted) return counted;
  return { counted: false, lockedUntil: (await unknownLockedUntil(db, fiscalCode)) ?? now };
}

/** The block on a fiscal code with no credential, if any (read for every login, known or not: equal work). */
export async function unknownLockedUntil(db: Database, fiscalCode: string): Promise<Date | null> {
  const result = await db.execute(
    sql`select locked_until from "identity"."unknown_login_attempts" where fiscal_code = ${fiscalCode}`,
  );
  const lockedUntil = rowsOf<{ locked_until: string | Date | null }>(result)[0]?.locked_until;
  return lockedUntil ? new Date(lockedUntil) : null;
}

/** After a right PIN: the count starts again (one statement; nothing to write when it is already zero). */
export async function clearFailures(db: Database, credentialId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.execute(sql`
    update "identity"."credentials" set failed_attempts = 0, locked_until = null
    where id = ${credentialId} and failed_attempts <> 0
      and (locked_until is null or locked_until <= ${at}::timestamptz)`);
}
