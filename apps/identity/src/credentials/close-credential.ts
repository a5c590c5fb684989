// Closing a credential (R24): the one place that knows everything a live credential has pending. A revocation
// online or by the contact centre calls it inside its transaction; whatever hangs on a credential is cancelled
// here, an open PIN dispositivo request (R28–R31) too.
import { rowsOf, type Database } from "@inps-sim/db";
import { transition } from "@inps-sim/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  contactChanges,
  credentials,
  dispositivoFiles,
  dispositivoRequests,
  generatedPins,
  pinChanges,
  recoveries,
} from "../db/schema.ts";
import { endAllSessions } from "../sessions/end-sessions.ts";
import type { CredentialRow } from "./store.ts";

export interface CancelledWork {
  sessionsEnded: number;
  pinChangesVoided: number;
  contactChangesVoided: number;
  /** Recovery links and codes (R16, R17) not yet used, and a generated PIN (R20) not yet confirmed. */
  recoveriesVoided: number;
  generatedPinsVoided: number;
  /** A PIN dispositivo request still awaiting its form or under review: cancelled, its scans deleted. */
  dispositivoRequestsCancelled: number;
  /** Messages still in the outbox: they never leave. One already handed to a gateway is not recalled. */
  messagesCancelled: number;
}

/** Ends what hangs on the credential: sessions, pending PIN and contact changes, recoveries, a dispositivo request, unsent messages. */
export async function cancelPending(
  tx: Database,
  credential: Pick<CredentialRow, "id" | "fiscalCode">,
  now: Date,
): Promise<CancelledWork> {
  const sessionsEnded = await endAllSessions(tx, credential.id, now);
  const pinChangesVoided = await tx
    .update(pinChanges)
    .set({ voidedAt: now })
    .where(
      and(eq(pinChanges.credentialId, credential.id), isNull(pinChanges.usedAt), isNull(pinChanges.voidedAt)),
    )
    .returning({ id: pinChanges.id });
  const contactChangesVoided = await tx
    .update(contactChanges)
    .set({ voidedAt: now })
    .where(
      and(
        eq(contactChanges.fiscalCode, credential.fiscalCode),
        isNull(contactChanges.usedAt),
        isNull(contactChanges.voidedAt),
      ),
    )
    .returning({ id: contactChanges.id });
  const recoveriesVoided = await tx
    .update(recoveries)
    .set({ voidedAt: now })
    .where(
      and(eq(recoveries.credentialId, credential.id), isNull(recoveries.usedAt), isNull(recoveries.voidedAt)),
    )
    .returning({ id: recoveries.id });
  const generatedPinsVoided = await tx
    .update(generatedPins)
    .set({ voidedAt: now })
    .where(
      and(
        eq(generatedPins.credentialId, credential.id),
        isNull(generatedPins.usedAt),
        isNull(generatedPins.voidedAt),
      ),
    )
    .returning({ id: generatedPins.id });
  // The conversion would turn a closed credential into a PIN dispositivo: the request ends and leaves the operators'
  // queue, and the scans of the citizen's identity document are not kept for a decision that will not come.
  const dispositivoRequestsCancelled = await tx
    .update(dispositivoRequests)
    .set({ status: "cancelled", decidedAt: now, reason: "revoked" })
    .where(
      and(
        eq(dispositivoRequests.credentialId, credential.id),
        inArray(dispositivoRequests.status, ["awaiting-signed-form", "under-review"]),
      ),
    )
    .returning({ id: dispositivoRequests.id });
  if (dispositivoRequestsCancelled.length) {
    await tx.delete(dispositivoFiles).where(
      inArray(
        dispositivoFiles.requestId,
        dispositivoRequestsCancelled.map((r) => r.id),
      ),
    );
  }
  // A message may carry a half or a code of the closed credential: it is wiped with its status.
  const cancelled = await tx.execute(sql`
    update "identity"."outbox" set status = 'cancelled', sealed = null, lease_until = null
    where fiscal_code = ${credential.fiscalCode} and status = 'pending'
    returning id`);
  return {
    sessionsEnded,
    pinChangesVoided: pinChangesVoided.length,
    contactChangesVoided: contactChangesVoided.length,
    recoveriesVoided: recoveriesVoided.length,
    generatedPinsVoided: generatedPinsVoided.length,
    dispositivoRequestsCancelled: dispositivoRequestsCancelled.length,
    messagesCancelled: rowsOf(cancelled).length,
  };
}

/**
 * Moves a live credential to `revoked` (only if it is still in the state it was read in, so two revocations
 * at once close it once) and cancels what was pending. Undefined: someone else closed it first.
 */
export async function closeCredential(
  tx: Database,
  credential: CredentialRow,
  now: Date,
): Promise<CancelledWork | undefined> {
  const to = transition(credential.state, "revoked");
  const closed = await tx
    .update(credentials)
    .set({ state: to, updatedAt: now })
    .where(and(eq(credentials.id, credential.id), eq(credentials.state, credential.state)))
    .returning({ id: credentials.id });
  if (closed.length === 0) return undefined;
  return cancelPending(tx, credential, now);
}
