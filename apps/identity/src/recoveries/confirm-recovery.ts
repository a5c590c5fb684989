// R17–R18: at the link the citizen types codice fiscale and codice di ripristino. The first right answer consumes
// the recovery in one statement (UPDATE … WHERE used_at IS NULL): of two confirms at once exactly one wins. Then the
// old PIN stops at once, every session ends, and a new 16-character PIN leaves in two halves, SMS and email.
import { generateInitialPin, transition, type CredentialState } from "@inps-sim/domain";
import { inTransaction, rowsOf } from "@inps-sim/db";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { maskDestination, recipientOf } from "../credentials/destinations.ts";
import { normalizeFiscalCode } from "../credentials/store.ts";
import { citizens, credentials, generatedPins, pinHistory, recoveries } from "../db/schema.ts";
import { recoveryExpired, recoveryFailed } from "../http/problems.ts";
import { enqueueMessage } from "../outbox/enqueue.ts";
import { endAllSessions } from "../sessions/end-sessions.ts";
import { recoveryFirstHalfSms, recoverySecondHalfEmail } from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { hashRecoveryToken, normalizeRecoveryCode } from "./recovery-tokens.ts";

export interface RecoveryConfirmInput {
  fiscalCode: string;
  recoveryCode: string;
}

export interface RecoveryConfirmed {
  status: "pin-sent";
  channels: { firstHalf: "sms"; secondHalf: "email" };
}

type RecoveryRow = typeof recoveries.$inferSelect;

export async function findRecoveryByToken(
  ctx: IdentityContext,
  token: string,
): Promise<RecoveryRow | undefined> {
  const rows = await ctx.db
    .select()
    .from(recoveries)
    .where(eq(recoveries.tokenHash, hashRecoveryToken(token)))
    .limit(1);
  return rows[0];
}

/** Why a recovery can no longer be confirmed, or null while it can. */
export function whyUnusable(row: RecoveryRow, max: number, now: Date) {
  if (row.usedAt) return "used" as const;
  if (row.voidedAt) return "superseded" as const;
  if (row.attempts >= max) return "too-many-attempts" as const;
  if (now.getTime() >= row.expiresAt.getTime()) return "expired" as const;
  return null;
}

export async function confirmRecovery(
  ctx: IdentityContext,
  token: string,
  input: RecoveryConfirmInput,
  requestId?: string,
): Promise<RecoveryConfirmed> {
  const now = ctx.clock.now();
  const max = ctx.policy.recoveryCode.maxAttempts;
  const row = await findRecoveryByToken(ctx, token);
  if (!row) {
    await ctx.hasher.dummyVerify(input.recoveryCode);
    throw recoveryFailed();
  }
  const unusable = whyUnusable(row, max, now);
  if (unusable) {
    await recordEvent(ctx.db, {
      fiscalCode: row.fiscalCode,
      type: "recovery-refused",
      at: now,
      data: { recoveryId: row.id, reason: unusable },
      requestId,
    });
    throw recoveryExpired(unusable);
  }
  const codeOk = await ctx.hasher.verify(row.codeHash, normalizeRecoveryCode(input.recoveryCode));
  const fiscalCodeOk = normalizeFiscalCode(input.fiscalCode) === row.fiscalCode;
  if (!codeOk || !fiscalCodeOk) {
    // One statement: concurrent wrong codes each use up one attempt, and none beyond the limit.
    const result = await ctx.db.execute(sql`
      update "identity"."recoveries" set attempts = attempts + 1
      where id = ${row.id} and used_at is null and attempts < ${max}::int
      returning attempts`);
    const attempts = rowsOf<{ attempts: number }>(result)[0]?.attempts;
    await recordEvent(ctx.db, {
      fiscalCode: row.fiscalCode,
      type: "recovery-code-failed",
      at: now,
      data: {
        recoveryId: row.id,
        attempts: attempts ?? max,
        fiscalCodeMatched: fiscalCodeOk,
        codeMatched: codeOk,
      },
      requestId,
    });
    if (attempts === undefined || Number(attempts) >= max) throw recoveryExpired("too-many-attempts");
    throw recoveryFailed();
  }

  const holder = await ctx.db
    .select({ citizen: citizens, credential: credentials })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(eq(credentials.id, row.credentialId))
    .limit(1);
  const found = holder[0];
  if (!found?.citizen.mobile || !found.citizen.email) throw recoveryExpired("not-recoverable");
  const { citizen, credential } = found;
  let nextState: CredentialState;
  try {
    nextState = transition(credential.state, "recovery-issued");
  } catch {
    // Revoked (or otherwise closed) since the link was sent.
    throw recoveryExpired("not-recoverable");
  }
  const pin = generateInitialPin(ctx.random);
  const pinHash = await ctx.hasher.hash(pin.pin);

  const outcome = await inTransaction(ctx.db, async (tx) => {
    const consumed = await tx
      .update(recoveries)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveries.id, row.id),
          isNull(recoveries.usedAt),
          isNull(recoveries.voidedAt),
          lt(recoveries.attempts, max),
          gt(recoveries.expiresAt, now),
        ),
      )
      .returning({ id: recoveries.id });
    if (consumed.length === 0) return "used" as const;
    const switched = await tx
      .update(credentials)
      .set({ pinHash, state: nextState, failedAttempts: 0, lockedUntil: null, updatedAt: now })
      .where(and(eq(credentials.id, credential.id), eq(credentials.state, credential.state)))
      .returning({ id: credentials.id });
    if (switched.length === 0) throw recoveryExpired("not-recoverable");
    if (credential.pinHash)
      await tx
        .insert(pinHistory)
        .values({ credentialId: credential.id, pinHash: credential.pinHash, retiredAt: now });
    // A generated PIN shown after an earlier recovery is void: this recovery starts the procedure again.
    await tx
      .update(generatedPins)
      .set({ voidedAt: now })
      .where(
        and(
          eq(generatedPins.credentialId, credential.id),
          isNull(generatedPins.usedAt),
          isNull(generatedPins.voidedAt),
        ),
      );
    const sessionsEnded = await endAllSessions(tx, credential.id, now);
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "recovery-confirmed",
      at: now,
      data: { recoveryId: row.id, credentialId: credential.id, sessionsEnded },
      requestId,
    });
    const queue = async (
      purpose: "recovery-first-half" | "recovery-second-half",
      message: Parameters<typeof enqueueMessage>[2]["message"],
      destination: string,
    ) => {
      const outboxId = await enqueueMessage(tx, ctx.sealer, {
        fiscalCode: citizen.fiscalCode,
        purpose,
        destination,
        message,
        now,
      });
      await recordEvent(tx, {
        fiscalCode: citizen.fiscalCode,
        type: "message-queued",
        at: now,
        data: { outboxId, purpose, channel: message.channel, destination },
        requestId,
      });
    };
    await queue(
      "recovery-first-half",
      recoveryFirstHalfSms(citizen.mobile!, pin.firstHalf),
      maskDestination({ channel: "sms", mobile: citizen.mobile! }),
    );
    await queue(
      "recovery-second-half",
      recoverySecondHalfEmail(recipientOf(citizen), citizen.email!, pin.secondHalf),
      maskDestination({ channel: "email", address: citizen.email! }),
    );
    return "confirmed" as const;
  });
  if (outcome === "used") {
    await recordEvent(ctx.db, {
      fiscalCode: row.fiscalCode,
      type: "recovery-refused",
      at: now,
      data: { recoveryId: row.id, reason: "used" },
      requestId,
    });
    throw recoveryExpired("used");
  }
  ctx.kickOutbox();
  return { status: "pin-sent", channels: { firstHalf: "sms", secondHalf: "email" } };
}
