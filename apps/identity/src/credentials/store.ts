// Reading a citizen's live credential, and retiring an unused initial PIN whose 90 days are over (R05).
import type { Database } from "@inps-sim/db";
import { canTransition, transition } from "@inps-sim/domain";
import { and, desc, eq, ne, notInArray, sql } from "drizzle-orm";
import { citizens, credentials } from "../db/schema.ts";
import { recordEvent } from "../timeline/record-event.ts";

export type CredentialRow = typeof credentials.$inferSelect;
export type CitizenRow = typeof citizens.$inferSelect;

export interface LiveCredential {
  credential: CredentialRow;
  citizen: CitizenRow;
}

/** Trimmed and upper-case: how fiscal codes are stored and compared. */
export const normalizeFiscalCode = (input: string) => input.trim().toUpperCase();

export async function findLiveCredential(
  db: Database,
  fiscalCode: string,
): Promise<LiveCredential | undefined> {
  const rows = await db
    .select({ credential: credentials, citizen: citizens })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(
      and(
        eq(credentials.fiscalCode, normalizeFiscalCode(fiscalCode)),
        notInArray(credentials.state, ["expired", "revoked"]),
      ),
    )
    .limit(1);
  return rows[0];
}

/**
 * The credential a login or an activation is checked against: the live one, else the newest expired one, so
 * that whoever proves an expired initial PIN learns it expired (410) while anyone else gets the generic 401.
 */
export async function findCredentialForAccess(
  db: Database,
  fiscalCode: string,
): Promise<LiveCredential | undefined> {
  const rows = await db
    .select({ credential: credentials, citizen: citizens })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(and(eq(credentials.fiscalCode, normalizeFiscalCode(fiscalCode)), ne(credentials.state, "revoked")))
    .orderBy(sql`${credentials.state} = 'expired'`, desc(credentials.requestedAt))
    .limit(1);
  return rows[0];
}

/** Whether the credential is an initial PIN (or a request) whose activation window has closed. */
export function activationWindowClosed(credential: CredentialRow, now: Date): boolean {
  return (
    canTransition(credential.state, "activation-window-elapsed") &&
    now.getTime() >= credential.activationDeadline.getTime()
  );
}

/** Moves the credential to `expired` (once, whoever gets there first) and records it. */
export async function expireInitialPin(
  db: Database,
  credential: CredentialRow,
  now: Date,
  requestId?: string,
): Promise<void> {
  const to = transition(credential.state, "activation-window-elapsed");
  const updated = await db
    .update(credentials)
    .set({ state: to, updatedAt: now })
    .where(and(eq(credentials.id, credential.id), eq(credentials.state, credential.state)))
    .returning({ id: credentials.id });
  if (updated.length > 0) {
    await recordEvent(db, {
      fiscalCode: credential.fiscalCode,
      type: "initial-pin-expired",
      at: now,
      data: { credentialId: credential.id, activationDeadline: credential.activationDeadline.toISOString() },
      requestId,
    });
  }
}
