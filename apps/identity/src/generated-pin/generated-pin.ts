// R20: after a recovery the system generates the 8-character PIN; it is shown once (the one place a PIN is returned
// in clear: never logged, stored only as a hash), and the citizen completes the procedure by typing it back.
import { randomUUID } from "node:crypto";
import { applyEvent, generateSystemPin, pinExpiresAt } from "@inps-sim/domain";
import { inTransaction, rowsOf } from "@inps-sim/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { maskDestination, personalDestination, recipientOf } from "../credentials/destinations.ts";
import { citizens, credentials, generatedPins, pinHistory } from "../db/schema.ts";
import {
  codeExpired,
  generatedPinNotDue,
  generatedPinNotShown,
  invalidCode,
  unauthenticated,
} from "../http/problems.ts";
import { enqueueMessage } from "../outbox/enqueue.ts";
import { endAllSessions } from "../sessions/end-sessions.ts";
import type { SessionInfo } from "../sessions/session-auth.ts";
import { pinChangedMessage } from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";

async function loadHolder(ctx: IdentityContext, session: SessionInfo) {
  if (session.requiredAction !== "confirm-generated-pin") throw generatedPinNotDue();
  const rows = await ctx.db
    .select({ citizen: citizens, credential: credentials })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(eq(credentials.id, session.credentialId))
    .limit(1);
  const row = rows[0];
  if (!row) throw unauthenticated();
  if (row.credential.state !== "recovery") throw generatedPinNotDue();
  return row;
}

/** POST /me/generated-pin: a new PIN each time; asking again voids the one shown before. */
export async function showGeneratedPin(
  ctx: IdentityContext,
  session: SessionInfo,
  requestId?: string,
): Promise<{ pin: string }> {
  const now = ctx.clock.now();
  const { citizen, credential } = await loadHolder(ctx, session);
  const pin = generateSystemPin(ctx.random, {
    fiscalCode: citizen.fiscalCode,
    firstName: citizen.firstName,
    lastName: citizen.lastName,
    birthDate: citizen.birthDate,
  });
  const pinHash = await ctx.hasher.hash(pin);
  const id = randomUUID();
  await inTransaction(ctx.db, async (tx) => {
    const voided = await tx
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
    await tx.insert(generatedPins).values({ id, credentialId: credential.id, pinHash, createdAt: now });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "generated-pin-shown",
      at: now,
      data: { generatedPinId: id, replaced: voided.length },
      requestId,
    });
  });
  return { pin };
}

/** POST /me/generated-pin/confirm: the PIN typed back completes the recovery; from then on it logs in. */
export async function confirmGeneratedPin(
  ctx: IdentityContext,
  session: SessionInfo,
  typed: string,
  requestId?: string,
): Promise<{ status: "changed"; pinExpiresAt: string | null }> {
  const now = ctx.clock.now();
  const { citizen, credential } = await loadHolder(ctx, session);
  const rows = await ctx.db
    .select()
    .from(generatedPins)
    .where(
      and(
        eq(generatedPins.credentialId, credential.id),
        isNull(generatedPins.usedAt),
        isNull(generatedPins.voidedAt),
      ),
    )
    .orderBy(desc(generatedPins.createdAt))
    .limit(1);
  const shown = rows[0];
  if (!shown) throw generatedPinNotShown();
  const max = ctx.policy.oneTimeCode.maxAttempts;
  if (!(await ctx.hasher.verify(shown.pinHash, typed.trim()))) {
    const result = await ctx.db.execute(sql`
      update "identity"."generated_pins" set attempts = attempts + 1,
        voided_at = case when attempts + 1 >= ${max}::int then ${now.toISOString()}::timestamptz else voided_at end
      where id = ${shown.id} and used_at is null and voided_at is null
      returning attempts`);
    const attempts = rowsOf<{ attempts: number }>(result)[0]?.attempts;
    await recordEvent(ctx.db, {
      fiscalCode: citizen.fiscalCode,
      type: "generated-pin-failed",
      at: now,
      data: { generatedPinId: shown.id, attempts: attempts ?? max },
      requestId,
    });
    if (attempts === undefined || Number(attempts) >= max) throw codeExpired("too-many-attempts");
    throw invalidCode(max - Number(attempts));
  }
  const next = applyEvent({ state: credential.state, kind: credential.kind }, "generated-pin-confirmed");
  const done = await inTransaction(ctx.db, async (tx) => {
    const consumed = await tx
      .update(generatedPins)
      .set({ usedAt: now })
      .where(
        and(eq(generatedPins.id, shown.id), isNull(generatedPins.usedAt), isNull(generatedPins.voidedAt)),
      )
      .returning({ id: generatedPins.id });
    if (consumed.length === 0) return false;
    if (credential.pinHash)
      await tx
        .insert(pinHistory)
        .values({ credentialId: credential.id, pinHash: credential.pinHash, retiredAt: now });
    await tx
      .update(credentials)
      .set({ pinHash: shown.pinHash, pinChangedAt: now, state: next.state, kind: next.kind, updatedAt: now })
      .where(and(eq(credentials.id, credential.id), eq(credentials.state, "recovery")));
    // As after any change (R34): every session ends, this one too; the citizen logs in with the generated PIN.
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
      type: "generated-pin-confirmed",
      at: now,
      data: { generatedPinId: shown.id, sessionsEnded },
      requestId,
    });
    return true;
  });
  if (!done) throw codeExpired("used");
  ctx.kickOutbox();
  return { status: "changed", pinExpiresAt: pinExpiresAt(ctx.policy, now)?.toISOString() ?? null };
}
