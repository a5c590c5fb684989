// R07 login with fiscal code and PIN; R08 lockout; R05/R06/R13 decide what the new session must do first.
// An unknown fiscal code gets the same answers as a known one after the same work: a verify against a dummy hash,
// the same wrong-PIN count and blocks (kept in unknown_login_attempts), the same timeline writes.
import {
  isLocked,
  requiredActionFor,
  sessionExpiresAt,
  type PinKind,
  type RequiredAction,
} from "@inps-sim/domain";
import type { IdentityContext } from "../context.ts";
import {
  activationWindowClosed,
  expireInitialPin,
  findCredentialForAccess,
  normalizeFiscalCode,
} from "../credentials/store.ts";
import { sessions } from "../db/schema.ts";
import { initialPinExpired, invalidCredentials, locked } from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import { recordEvent } from "../timeline/record-event.ts";
import {
  clearFailures,
  registerUnknownWrongPin,
  registerWrongPin,
  unknownLockedUntil,
  type WrongPinOutcome,
} from "./lockout.ts";
import { hashToken, newSessionToken } from "./tokens.ts";

export interface SessionOpened {
  token: string;
  expiresAt: string;
  pinKind: PinKind;
  requiredAction: RequiredAction | null;
}

/** Counts a wrong PIN for a known credential and records it; returns the problem to answer. */
export async function wrongPin(
  ctx: IdentityContext,
  credentialId: string,
  fiscalCode: string,
  now: Date,
  requestId: string | undefined,
  where: string,
) {
  return recordWrongPin(
    ctx,
    await registerWrongPin(ctx.db, credentialId, ctx.policy, now),
    fiscalCode,
    now,
    requestId,
    where,
  );
}

async function recordWrongPin(
  ctx: IdentityContext,
  outcome: WrongPinOutcome,
  fiscalCode: string,
  now: Date,
  requestId: string | undefined,
  where: string,
) {
  if (!outcome.counted) {
    await recordEvent(ctx.db, {
      fiscalCode,
      type: "login-refused-locked",
      at: now,
      data: { where },
      requestId,
    });
    return locked(outcome.lockedUntil, now);
  }
  await recordEvent(ctx.db, {
    fiscalCode,
    type: "login-failed",
    at: now,
    data: { where, consecutiveFailures: outcome.failedAttempts },
    requestId,
  });
  if (outcome.lockedUntil) {
    await recordEvent(ctx.db, {
      fiscalCode,
      type: "locked",
      at: now,
      data: { lockedUntil: outcome.lockedUntil.toISOString() },
      requestId,
    });
  }
  return invalidCredentials();
}

export async function logIn(
  ctx: IdentityContext,
  input: { fiscalCode: string; pin: string },
  requestId?: string,
): Promise<SessionOpened> {
  const now = ctx.clock.now();
  const found = await findCredentialForAccess(ctx.db, input.fiscalCode);
  // Read whether the code is known or not, so that both paths make the same queries.
  const unknownBlock = await unknownLockedUntil(ctx.db, normalizeFiscalCode(input.fiscalCode));
  if (!found) {
    const fiscalCode = normalizeFiscalCode(input.fiscalCode);
    if (isLocked(unknownBlock, now)) {
      await recordEvent(ctx.db, {
        fiscalCode,
        type: "login-refused-locked",
        at: now,
        data: { where: "login" },
        requestId,
      });
      throw locked(unknownBlock!, now);
    }
    await ctx.hasher.dummyVerify(input.pin);
    const outcome = await registerUnknownWrongPin(ctx.db, fiscalCode, ctx.policy, now);
    throw await recordWrongPin(ctx, outcome, fiscalCode, now, requestId, "login");
  }
  const { credential, citizen } = found;
  if (credential.state === "expired") {
    // Its 90 days are over: only the holder of the right PIN is told so.
    const right = credential.pinHash
      ? await ctx.hasher.verify(credential.pinHash, input.pin)
      : await ctx.hasher.dummyVerify(input.pin);
    if (right) throw initialPinExpired();
    throw invalidCredentials();
  }
  if (isLocked(credential.lockedUntil, now)) {
    await recordEvent(ctx.db, {
      fiscalCode: citizen.fiscalCode,
      type: "login-refused-locked",
      at: now,
      data: { where: "login" },
      requestId,
    });
    throw locked(credential.lockedUntil!, now);
  }
  const ok = credential.pinHash
    ? await ctx.hasher.verify(credential.pinHash, input.pin)
    : await ctx.hasher.dummyVerify(input.pin);
  if (!ok) throw await wrongPin(ctx, credential.id, citizen.fiscalCode, now, requestId, "login");

  if (activationWindowClosed(credential, now)) {
    await inTransaction(ctx.db, (tx) => expireInitialPin(tx, credential, now, requestId));
    throw initialPinExpired();
  }
  await clearFailures(ctx.db, credential.id, now);
  const requiredAction = requiredActionFor(credential.state, credential.pinChangedAt, ctx.policy, now);
  const token = newSessionToken();
  const expiresAt = sessionExpiresAt(ctx.policy, now);
  await inTransaction(ctx.db, async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      credentialId: credential.id,
      fiscalCode: citizen.fiscalCode,
      requiredAction,
      createdAt: now,
      expiresAt,
    });
    if (requiredAction === "renew-expired-pin") {
      await recordEvent(tx, {
        fiscalCode: citizen.fiscalCode,
        type: "pin-expired",
        at: now,
        data: { pinChangedAt: credential.pinChangedAt?.toISOString() },
        requestId,
      });
    }
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "login-succeeded",
      at: now,
      data: { requiredAction },
      requestId,
    });
  });
  return { token, expiresAt: expiresAt.toISOString(), pinKind: credential.kind, requiredAction };
}
