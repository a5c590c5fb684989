// R04, R05: "Attiva PIN" — fiscal code, first half and health card; only then is the second half drawn and sent.
// Any mismatch gets one generic answer; "expired" and "not required" are told only to whoever proved all three.
import { generateInitialPin, sameHealthCard, transition, type HealthCard } from "@inps-sim/domain";
import { and, eq } from "drizzle-orm";
import type { DigitalChannel, IdentityContext } from "../context.ts";
import { digitalDestination, maskDestination, recipientOf } from "../credentials/destinations.ts";
import {
  activationWindowClosed,
  expireInitialPin,
  findCredentialForAccess,
  normalizeFiscalCode,
} from "../credentials/store.ts";
import { credentials } from "../db/schema.ts";
import { activationFailed, activationNotRequired, initialPinExpired } from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import { enqueueMessage } from "../outbox/enqueue.ts";
import { secondHalfDigital } from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";

export interface ActivationInput {
  fiscalCode: string;
  firstHalf: string;
  healthCard: HealthCard;
}

export async function activatePin(
  ctx: IdentityContext,
  input: ActivationInput,
  requestId?: string,
): Promise<{ status: "activated"; secondHalfChannel: DigitalChannel }> {
  const now = ctx.clock.now();
  const found = await findCredentialForAccess(ctx.db, input.fiscalCode);
  if (!found?.credential.firstHalfHash) {
    // The same work as a wrong first half: a verification of the same cost and the same timeline write.
    await ctx.hasher.dummyVerify(input.firstHalf);
    await recordEvent(ctx.db, {
      fiscalCode: normalizeFiscalCode(input.fiscalCode),
      type: "activation-failed",
      at: now,
      data: { firstHalfMatched: false, healthCardMatched: false },
      requestId,
    });
    throw activationFailed();
  }
  const { credential, citizen } = found;
  const halfOk = await ctx.hasher.verify(credential.firstHalfHash!, input.firstHalf.trim());
  const cardOk =
    citizen.healthCardNumber !== null &&
    citizen.healthCardExpiry !== null &&
    sameHealthCard(
      { number: citizen.healthCardNumber, expiryDate: citizen.healthCardExpiry },
      input.healthCard,
    );
  if (!halfOk || !cardOk) {
    await recordEvent(ctx.db, {
      fiscalCode: citizen.fiscalCode,
      type: "activation-failed",
      at: now,
      data: { firstHalfMatched: halfOk, healthCardMatched: cardOk },
      requestId,
    });
    throw activationFailed();
  }
  if (credential.state === "expired") throw initialPinExpired();
  if (activationWindowClosed(credential, now)) {
    await inTransaction(ctx.db, (tx) => expireInitialPin(tx, credential, now, requestId));
    throw initialPinExpired();
  }
  if (credential.state !== "awaiting-activation") throw activationNotRequired();

  const channel = credential.digitalChannel as DigitalChannel;
  const dest = digitalDestination(citizen, channel);
  if (!dest) throw activationFailed();
  const secondHalf = generateInitialPin(ctx.random).secondHalf;
  const pinHash = await ctx.hasher.hash(input.firstHalf.trim() + secondHalf);
  const activated = await inTransaction(ctx.db, async (tx) => {
    const updated = await tx
      .update(credentials)
      .set({
        state: transition("awaiting-activation", "activated"),
        pinHash,
        activatedAt: now,
        updatedAt: now,
      })
      .where(and(eq(credentials.id, credential.id), eq(credentials.state, "awaiting-activation")))
      .returning({ id: credentials.id });
    if (updated.length === 0) return false;
    const masked = maskDestination(dest);
    const outboxId = await enqueueMessage(tx, ctx.sealer, {
      fiscalCode: citizen.fiscalCode,
      purpose: "second-half",
      destination: masked,
      message: secondHalfDigital(recipientOf(citizen), dest, secondHalf),
      now,
    });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "activated",
      at: now,
      data: { credentialId: credential.id },
      requestId,
    });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "message-queued",
      at: now,
      data: {
        outboxId,
        purpose: "second-half",
        channel: dest.channel === "sms" ? "sms" : "email",
        destination: masked,
      },
      requestId,
    });
    return true;
  });
  // Someone activated it a moment earlier: the second half is already on its way.
  if (!activated) throw activationNotRequired();
  ctx.kickOutbox();
  return { status: "activated", secondHalfChannel: channel };
}
