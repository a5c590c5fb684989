// Which credential a recovery is about, and whether it can be recovered at all (R15, R22).
import type { Database } from "@inps-sim/db";
import { canTransition } from "@inps-sim/domain";
import { desc, eq, sql } from "drizzle-orm";
import type { CitizenRow, CredentialRow } from "../credentials/store.ts";
import { citizens, credentials } from "../db/schema.ts";

/** The citizen's live credential, else the newest one (revoked or expired), so the timeline can say why not. */
export async function newestCredential(
  db: Database,
  fiscalCode: string,
): Promise<{ credential: CredentialRow; citizen: CitizenRow } | undefined> {
  const rows = await db
    .select({ credential: credentials, citizen: citizens })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(eq(credentials.fiscalCode, fiscalCode))
    .orderBy(sql`${credentials.state} in ('expired', 'revoked')`, desc(credentials.requestedAt))
    .limit(1);
  return rows[0];
}

export type NotRecoverable =
  "revoked" | "initial-pin-expired" | "initial-pin-not-activated" | "no-mobile" | "no-email";

/**
 * Recovery is for a PIN in use: not for an initial PIN never activated or lost (R22: revoke it and ask anew), nor
 * for a revoked one; and the new halves need both a registered mobile and a registered email (R18).
 */
export function whyNotRecoverable(credential: CredentialRow, citizen: CitizenRow): NotRecoverable | null {
  const state = credential.state;
  if (state === "revoked") return "revoked";
  if (state === "expired") return "initial-pin-expired";
  if (!canTransition(state, "recovery-issued")) return "initial-pin-not-activated";
  if (!citizen.mobile) return "no-mobile";
  if (!citizen.email) return "no-email";
  return null;
}
