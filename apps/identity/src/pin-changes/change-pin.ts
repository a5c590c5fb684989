// R09–R13: change the PIN with current PIN, new PIN and confirmation, confirmed by a code sent to the registered
// email or mobile. The same flow replaces the initial 16-character PIN (R06) and renews an expired one (R13).
import { randomUUID } from "node:crypto";
import {
  PIN_HISTORY_DEPTH,
  applyEvent,
  evaluateNewPin,
  generateOneTimeCode,
  isLocked,
  isReusedPin,
  oneTimeCodeExpiresAt,
  pinExpiresAt,
  type RequiredAction,
} from "@inps-sim/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { checkPendingCode } from "../codes/pending-code.ts";
import type { IdentityContext } from "../context.ts";
import { maskDestination, personalDestination, recipientOf } from "../credentials/destinations.ts";
import { citizens, credentials, pinChanges, pinHistory } from "../db/schema.ts";
import {
  codeExpired,
  confirmationMismatch,
  locked,
  notFound,
  pinReused,
  pinTooWeak,
  unauthenticated,
} from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import { enqueueMessage } from "../outbox/enqueue.ts";
import { endAllSessions } from "../sessions/end-sessions.ts";
import type { SessionInfo } from "../sessions/session-auth.ts";
import { wrongPin } from "../sessions/login.ts";
import { pinChangedMessage, verificationCodeMessage, type ChangeOccasion } from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { ProblemError } from "@inps-sim/service-kit";

export interface PinChangeInput {
  currentPin: string;
  newPin: string;
  confirmPin: string;
}

export interface PinChangeStarted {
  changeId: string;
  verificationChannel: "email" | "sms";
  destination: string;
}

async function loadHolder(ctx: IdentityContext, session: SessionInfo) {
  const rows = await ctx.db
    .select({ citizen: citizens, credential: credentials })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(eq(credentials.id, session.credentialId));
  const row = rows[0];
  if (!row) throw unauthenticated();
  return row;
}

async function refuse(
  ctx: IdentityContext,
  session: SessionInfo,
  now: Date,
  reason: string,
  requestId?: string,
) {
  await recordEvent(ctx.db, {
    fiscalCode: session.fiscalCode,
    type: "pin-change-refused",
    at: now,
    data: { reason },
    requestId,
  });
}

export async function startPinChange(
  ctx: IdentityContext,
  session: SessionInfo,
  input: PinChangeInput,
  requestId?: string,
): Promise<PinChangeStarted> {
  const now = ctx.clock.now();
  if (input.newPin !== input.confirmPin) {
    await refuse(ctx, session, now, "confirmation-mismatch", requestId);
    throw confirmationMismatch();
  }
  const { citizen, credential } = await loadHolder(ctx, session);
  if (isLocked(credential.lockedUntil, now)) throw locked(credential.lockedUntil!, now);
  if (!credential.pinHash || !(await ctx.hasher.verify(credential.pinHash, input.currentPin))) {
    // A wrong current PIN counts toward the lockout like a wrong login (R08).
    throw await wrongPin(ctx, credential.id, citizen.fiscalCode, now, requestId, "pin-change");
  }
  const evaluation = evaluateNewPin(input.newPin, {
    fiscalCode: citizen.fiscalCode,
    firstName: citizen.firstName,
    lastName: citizen.lastName,
    birthDate: citizen.birthDate,
  });
  if (!evaluation.ok) {
    await refuse(ctx, session, now, "pin-too-weak", requestId);
    throw pinTooWeak(evaluation.reasons);
  }
  const history = await ctx.db
    .select({ pinHash: pinHistory.pinHash })
    .from(pinHistory)
    .where(eq(pinHistory.credentialId, credential.id))
    .orderBy(desc(pinHistory.retiredAt), desc(pinHistory.id))
    .limit(PIN_HISTORY_DEPTH - 1);
  if (await isReusedPin(input.newPin, [credential.pinHash, ...history.map((h) => h.pinHash)], ctx.hasher)) {
    await refuse(ctx, session, now, "pin-reused", requestId);
    throw pinReused();
  }

  const dest = personalDestination(citizen);
  if (!dest)
    throw new ProblemError({
      status: 409,
      code: "no-contact",
      title: "Nessun recapito registrato",
      detail: "Non risulta un indirizzo email o un cellulare registrato a cui inviare il codice di verifica.",
    });
  const code = generateOneTimeCode(ctx.random, ctx.policy.oneTimeCode.length);
  const [newPinHash, codeHash] = await Promise.all([ctx.hasher.hash(input.newPin), ctx.hasher.hash(code)]);
  const changeId = randomUUID();
  const destination = maskDestination(dest);
  const verificationChannel = dest.channel === "sms" ? "sms" : "email";
  await inTransaction(ctx.db, async (tx) => {
    // Only the newest change can be confirmed.
    await tx
      .update(pinChanges)
      .set({ voidedAt: now })
      .where(
        and(
          eq(pinChanges.credentialId, credential.id),
          isNull(pinChanges.usedAt),
          isNull(pinChanges.voidedAt),
        ),
      );
    await tx.insert(pinChanges).values({
      id: changeId,
      credentialId: credential.id,
      sessionTokenHash: session.tokenHash,
      newPinHash,
      codeHash,
      channel: verificationChannel,
      destination,
      createdAt: now,
      expiresAt: oneTimeCodeExpiresAt(ctx.policy, now),
    });
    await enqueueMessage(tx, ctx.sealer, {
      fiscalCode: citizen.fiscalCode,
      purpose: "verification-code",
      destination,
      message: verificationCodeMessage(
        recipientOf(citizen),
        dest,
        code,
        Math.round(ctx.policy.oneTimeCode.lifetimeSeconds / 60),
        OCCASION[session.requiredAction ?? "none"],
      ),
      now,
    });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "pin-change-requested",
      at: now,
      data: { changeId, verificationChannel, destination, requiredAction: session.requiredAction },
      requestId,
    });
  });
  ctx.kickOutbox();
  return { changeId, verificationChannel, destination };
}

/** Where the citizen types the code: the verification email names the same page (first access, renewal, settings). */
const OCCASION: Record<"none" | RequiredAction, ChangeOccasion> = {
  none: "settings",
  "replace-initial-pin": "first-access",
  "renew-expired-pin": "renewal",
  "confirm-generated-pin": "settings",
};

const EVENT_FOR: Record<
  "none" | RequiredAction,
  "pin-changed" | "initial-pin-replaced" | "expired-pin-renewed" | "generated-pin-confirmed"
> = {
  none: "pin-changed",
  "replace-initial-pin": "initial-pin-replaced",
  "renew-expired-pin": "expired-pin-renewed",
  "confirm-generated-pin": "generated-pin-confirmed",
};

export async function verifyPinChange(
  ctx: IdentityContext,
  session: SessionInfo,
  changeId: string,
  code: string,
  requestId?: string,
): Promise<{ status: "changed"; pinExpiresAt: string | null }> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(pinChanges)
    .where(and(eq(pinChanges.id, changeId), eq(pinChanges.credentialId, session.credentialId)));
  const change = rows[0];
  if (!change) throw notFound("Modifica del PIN");
  await checkPendingCode(ctx, "pin_changes", change, code, {
    fiscalCode: session.fiscalCode,
    type: "pin-change-code-failed",
    data: { changeId },
    requestId,
  });

  const { citizen, credential } = await loadHolder(ctx, session);
  const event = EVENT_FOR[session.requiredAction ?? "none"];
  const next = applyEvent({ state: credential.state, kind: credential.kind }, event);
  const result = await inTransaction(ctx.db, async (tx) => {
    // The code is consumed once: UPDATE … WHERE used_at IS NULL.
    const consumed = await tx
      .update(pinChanges)
      .set({ usedAt: now })
      .where(and(eq(pinChanges.id, change.id), isNull(pinChanges.usedAt), isNull(pinChanges.voidedAt)))
      .returning({ id: pinChanges.id });
    if (consumed.length === 0) return false;
    if (credential.pinHash) {
      await tx
        .insert(pinHistory)
        .values({ credentialId: credential.id, pinHash: credential.pinHash, retiredAt: now });
    }
    await tx
      .update(credentials)
      .set({
        pinHash: change.newPinHash,
        pinChangedAt: now,
        state: next.state,
        kind: next.kind,
        updatedAt: now,
      })
      .where(eq(credentials.id, credential.id));
    // The old PIN stops working at once, and every session ends, this one too (R34, guide 000 step 8): the
    // citizen returns to the portal and logs in with the new PIN.
    const sessionsEnded = await endAllSessions(tx, credential.id, now);
    const dest = personalDestination(citizen);
    if (dest) {
      await enqueueMessage(tx, ctx.sealer, {
        fiscalCode: citizen.fiscalCode,
        purpose: "pin-changed",
        destination: maskDestination(dest),
        message: pinChangedMessage(recipientOf(citizen), dest, now),
        now,
      });
    }
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "pin-changed",
      at: now,
      data: { changeId, event, sessionsEnded },
      requestId,
    });
    return true;
  });
  if (!result) throw codeExpired("used");
  ctx.kickOutbox();
  return { status: "changed", pinExpiresAt: pinExpiresAt(ctx.policy, now)?.toISOString() ?? null };
}
