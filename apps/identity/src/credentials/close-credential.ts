// Closing a credential (R24): the one place that knows everything a live credential has pending. A revocation
// online or by the contact centre calls it inside its transaction; whatever is added later that hangs on a
// credential (a recovery, a dispositivo request) is cancelled here too.
import { rowsOf, type Database } from "@inps-sim/db";
import { transition, type CredentialState } from "@inps-sim/domain";
import { and, eq, isNull, sql } from "drizzle-orm";
import { contactChanges, credentials, pinChanges, sessions } from "../db/schema.ts";
import type { CredentialRow } from "./store.ts";

export interface CancelledWork {
  sessionsEnded: number;
  pinChangesVoided: number;
  contactChangesVoided: number;
  /** Messages still in the outbox: they never leave. One already handed to a gateway is not recalled. */
  messagesCancelled: number;
}

/** Ends what hangs on the credential: sessions, pending PIN and contact changes, unsent messages. */
export async function cancelPending(tx: Database, credential: Pick<CredentialRow, "id" | "fiscalCode">, now: Date): Promise<CancelledWork> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.credentialId, credential.id), isNull(sessions.endedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  const pinChangesVoided = await tx
    .update(pinChanges)
    .set({ voidedAt: now })
    .where(and(eq(pinChanges.credentialId, credential.id), isNull(pinChanges.usedAt), isNull(pinChanges.voidedAt)))
    .returning({ id: pinChanges.id });
  const contactChangesVoided = await tx
    .update(contactChanges)
    .set({ voidedAt: now })
    .where(and(eq(contactChanges.fiscalCode, credential.fiscalCode), isNull(contactChanges.usedAt), isNull(contactChanges.voidedAt)))
    .returning({ id: contactChanges.id });
  // A message may carry a half or a code of the closed credential: it is wiped with its status.
  const cancelled = await tx.execute(sql`
    update "identity"."outbox" set status = 'cancelled', sealed = null, lease_until = null
    where fiscal_code = ${credential.fiscalCode} and status = 'pending'
    returning id`);
  return {
    sessionsEnded: ended.length,
    pinChangesVoided: pinChangesVoided.length,
    contactChangesVoided: contactChangesVoided.length,
    messagesCancelled: rowsOf(cancelled).length,
  };
}

/**
 * Moves a live credential to `revoked` (only if it is still in the state it was read in, so two revocations
 * at once close it once) and cancels what was pending. Undefined: someone else closed it first.
 */
export async function closeCredential(tx: Database, credential: CredentialRow, now: Date): Promise<CancelledWork | undefined> {
  const to = transition(credential.state as CredentialState, "revoked");
  const closed = await tx
    .update(credentials)
    .set({ state: to, updatedAt: now })
    .where(and(eq(credentials.id, credential.id), eq(credentials.state, credential.state)))
    .returning({ id: credentials.id });
  if (closed.length === 0) return undefined;
  return cancelPending(tx, credential, now);
}
