// R22–R24, R26: revoking the PIN, online (fiscal code, tessera sanitaria, registered email or PEC) or by the
// contact centre. Every online failure gets the same answer after the same work: one argon2id verification and
// one lookup, whether the citizen exists, has a live PIN, or gave a wrong detail; the failure reaches the
// timeline after the answer.
import { normalizeEmail, sameHealthCard, type HealthCard } from "@inps-sim/domain";
import { inTransaction, type Database } from "@inps-sim/db";
import { eq, sql } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { closeCredential, type CancelledWork } from "../credentials/close-credential.ts";
import { maskDestination, personalDestination, recipientOf } from "../credentials/destinations.ts";
import {
  findLiveCredential,
  normalizeFiscalCode,
  type CitizenRow,
  type LiveCredential,
} from "../credentials/store.ts";
import { citizens } from "../db/schema.ts";
import { notFound, notRevocable, revocationFailed } from "../http/problems.ts";
import { enqueueMessage } from "../outbox/enqueue.ts";
import { revocationConfirmedMessage, type DigitalDestination } from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";

export interface OnlineRevocationInput {
  fiscalCode: string;
  healthCard: HealthCard;
  email?: string | undefined;
  pec?: string | undefined;
}

export type RevocationOrigin = { via: "online" } | { via: "contact-centre"; operatorId: string };

export interface Revoked {
  status: "revoked";
}

const sameAddress = (a: string, b: string | null) =>
  b !== null && normalizeEmail(a).toLowerCase() === normalizeEmail(b).toLowerCase();

/** Where the confirmation goes: the address the citizen gave, as the registered PEC or email it matched. */
function givenDestination(citizen: CitizenRow, input: OnlineRevocationInput): DigitalDestination | undefined {
  const given = [input.pec, input.email].filter((a): a is string => a !== undefined);
  if (given.length === 0 || !given.every((a) => sameAddress(a, citizen.email) || sameAddress(a, citizen.pec)))
    return undefined;
  const first = given[0]!;
  return sameAddress(first, citizen.pec)
    ? { channel: "pec", address: citizen.pec! }
    : { channel: "email", address: citizen.email! };
}

/**
 * One statement on every failure path: it records the failure on the timeline of a citizen who exists, and
 * writes nothing for a fiscal code nobody holds (which must not fill the table either).
 */
async function recordFailure(
  db: Database,
  fiscalCode: string,
  now: Date,
  data: Record<string, unknown>,
  requestId?: string,
) {
  await db.execute(sql`
    insert into "identity"."events" (fiscal_code, type, at, data, request_id)
    select ${fiscalCode}, 'revocation-failed', ${now.toISOString()}::timestamptz, ${JSON.stringify(data)}::jsonb, ${requestId ?? null}
    where exists (select 1 from "identity"."citizens" where fiscal_code = ${fiscalCode})`);
}

async function revoke(
  ctx: IdentityContext,
  found: LiveCredential,
  notify: DigitalDestination | undefined,
  origin: RevocationOrigin,
  requestId?: string,
): Promise<CancelledWork | undefined> {
  const now = ctx.clock.now();
  const { credential, citizen } = found;
  const cancelled = await inTransaction(ctx.db, async (tx) => {
    const work = await closeCredential(tx, credential, now);
    if (!work) return undefined;
    // Queued after the cancellation, so the confirmation itself is not cancelled.
    const destination = notify ? maskDestination(notify) : null;
    if (notify) {
      await enqueueMessage(tx, ctx.sealer, {
        fiscalCode: citizen.fiscalCode,
        purpose: "revocation-confirmed",
        destination: destination!,
        message: revocationConfirmedMessage(recipientOf(citizen), notify, now, origin.via),
        now,
      });
    }
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "revoked",
      at: now,
      data: {
        credentialId: credential.id,
        previousState: credential.state,
        ...origin,
        ...work,
        confirmationTo: destination,
      },
      requestId,
    });
    return work;
  });
  if (cancelled) ctx.kickOutbox();
  return cancelled;
}

export async function revokeOnline(
  ctx: IdentityContext,
  input: OnlineRevocationInput,
  requestId?: string,
): Promise<Revoked> {
  const now = ctx.clock.now();
  const fiscalCode = normalizeFiscalCode(input.fiscalCode);
  const found = await findLiveCredential(ctx.db, fiscalCode);
  // The same hashing work on every path, success included.
  await ctx.hasher.dummyVerify(input.healthCard.number);
  const citizen = found?.citizen;
  const registeredCard =
    citizen?.healthCardNumber && citizen.healthCardExpiry
      ? { number: citizen.healthCardNumber, expiryDate: citizen.healthCardExpiry }
      : null;
  const cardMatched = registeredCard !== null && sameHealthCard(registeredCard, input.healthCard);
  const notify = citizen ? givenDestination(citizen, input) : undefined;
  if (!found || !cardMatched || !notify) {
    const data = found
      ? {
          healthCardRegistered: registeredCard !== null,
          healthCardMatched: cardMatched,
          contactMatched: notify !== undefined,
        }
      : { liveCredential: false };
    // After the answer: on PostgreSQL the insert for a citizen who exists waits for a WAL flush that a fiscal
    // code nobody holds never does, and that millisecond told the two apart (the enumeration test measured it).
    ctx.background.run("revocation-failed", () => recordFailure(ctx.db, fiscalCode, now, data, requestId));
    throw revocationFailed();
  }
  const cancelled = await revoke(ctx, found, notify, { via: "online" }, requestId);
  // Someone revoked it a moment earlier: the same answer as for a PIN already revoked.
  if (!cancelled) throw revocationFailed();
  return { status: "revoked" };
}

/** R26: the operator identified the caller; the confirmation goes to the registered email, PEC or mobile. */
export async function revokeByOperator(
  ctx: IdentityContext,
  fiscalCodeInput: string,
  operatorId: string,
  requestId?: string,
): Promise<Revoked> {
  const fiscalCode = normalizeFiscalCode(fiscalCodeInput);
  const found = await findLiveCredential(ctx.db, fiscalCode);
  if (!found) {
    const known = await ctx.db
      .select({ fc: citizens.fiscalCode })
      .from(citizens)
      .where(eq(citizens.fiscalCode, fiscalCode));
    if (known.length === 0) throw notFound("Cittadino");
    throw notRevocable();
  }
  const cancelled = await revoke(
    ctx,
    found,
    personalDestination(found.citizen),
    { via: "contact-centre", operatorId },
    requestId,
  );
  if (!cancelled) throw notRevocable();
  return { status: "revoked" };
}
