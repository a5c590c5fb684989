// R15–R16: "Hai smarrito il tuo PIN?". The answer is the same 202 whatever the data match, and is given before
// anything is looked up: the lookup, the hashing (the same on every path) and the link's email happen afterwards,
// in arrival order, so neither the answer nor its time tells whether a citizen exists or what is registered.
import { randomUUID } from "node:crypto";
import {
  isValidEmail,
  matchRecoveryContacts,
  normalizeItalianMobile,
  recoveryCodeExpiresAt,
  requiredRecoveryContacts,
  validateFiscalCode,
  generateRecoveryCode,
  type ContactSet,
  type RecoveryContactsProfile,
} from "@inps-sim/domain";
import { fingerprintOf, idempotent, validationFailed, type FieldError } from "@inps-sim/service-kit";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { digitalDestination, maskDestination, recipientOf } from "../credentials/destinations.ts";
import { idempotencyKeys, recoveries } from "../db/schema.ts";
import { inTransaction } from "@inps-sim/db";
import { enqueueMessage } from "../outbox/enqueue.ts";
import { recoveryLinkMessage } from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { newestCredential, whyNotRecoverable } from "./recoverable-credential.ts";
import { hashRecoveryToken, newRecoveryToken } from "./recovery-tokens.ts";

export interface RecoveryRequestInput {
  fiscalCode: string;
  email?: string | undefined;
  pec?: string | undefined;
  mobile?: string | undefined;
}

interface ValidRecoveryRequest {
  fiscalCode: string;
  contacts: ContactSet;
  profile: RecoveryContactsProfile;
}

const CONTACT_WORDS = {
  email: "l'indirizzo email",
  pec: "l'indirizzo PEC",
  mobile: "il numero di cellulare",
} as const;

/** Checks the shape of what was given (the same for every citizen, so a 400 tells nothing about anyone). */
export function validateRecoveryRequest(
  input: RecoveryRequestInput,
  profile: RecoveryContactsProfile,
): ValidRecoveryRequest {
  const errors: FieldError[] = [];
  const fc = validateFiscalCode(input.fiscalCode);
  if (!fc.ok) errors.push({ path: "fiscalCode", message: fc.reason });
  const given = {
    email: input.email?.trim() || undefined,
    pec: input.pec?.trim() || undefined,
    mobile: input.mobile?.trim() || undefined,
  };
  if (given.email && !isValidEmail(given.email))
    errors.push({ path: "email", message: "L'indirizzo email non è valido." });
  if (given.pec && !isValidEmail(given.pec))
    errors.push({ path: "pec", message: "L'indirizzo PEC non è valido." });
  if (given.mobile && !normalizeItalianMobile(given.mobile).ok) {
    errors.push({
      path: "mobile",
      message: "Il numero di cellulare non è valido: indichi un cellulare italiano (+39 3…).",
    });
  }
  const missing = requiredRecoveryContacts(profile, given);
  if (missing === "any-two") {
    errors.push({
      path: "",
      message:
        "Indichi almeno due dei recapiti registrati: indirizzo email, indirizzo PEC, numero di cellulare.",
    });
  } else {
    for (const k of missing)
      errors.push({ path: k, message: `Indichi ${CONTACT_WORDS[k]} registrato per il PIN.` });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { fiscalCode: fc.ok ? fc.code : input.fiscalCode, contacts: given, profile };
}

/**
 * Accepts the request and queues its processing; the caller answers 202 at once. With an Idempotency-Key a
 * retry gets the first answer and queues nothing (no second link supersedes the first).
 */
export async function acceptRecoveryRequest(
  ctx: IdentityContext,
  input: RecoveryRequestInput,
  idempotencyKey: string | undefined,
  requestId?: string,
): Promise<{ status: "accepted" }> {
  const request = validateRecoveryRequest(input, ctx.recovery.contacts);
  const receivedAt = ctx.clock.now();
  let fresh = false;
  await idempotent<{ status: "accepted" }>(
    ctx.db,
    idempotencyKeys,
    { scope: "POST recoveries", key: idempotencyKey, fingerprint: fingerprintOf(input), now: receivedAt },
    async () => {
      fresh = true;
      return { status: 202, body: { status: "accepted" } };
    },
  );
  if (fresh)
    ctx.background.run("recovery-request", () => processRecoveryRequest(ctx, request, receivedAt, requestId));
  return { status: "accepted" };
}

async function processRecoveryRequest(
  ctx: IdentityContext,
  request: ValidRecoveryRequest,
  receivedAt: Date,
  requestId?: string,
): Promise<void> {
  const found = await newestCredential(ctx.db, request.fiscalCode);
  // The same draws and the same argon2id work whatever is found.
  const code = generateRecoveryCode(ctx.random);
  const token = newRecoveryToken();
  const [codeHash, tokenHash] = [await ctx.hasher.hash(code), hashRecoveryToken(token)];
  if (!found) return; // Unknown fiscal code: there is no timeline to write to, and nothing to send.

  const { credential, citizen } = found;
  const given = Object.keys(request.contacts).filter((k) => request.contacts[k as keyof ContactSet]);
  const refused = whyNotRecoverable(credential, citizen);
  const match = matchRecoveryContacts(
    request.profile,
    { email: citizen.email, pec: citizen.pec, mobile: citizen.mobile },
    request.contacts,
  );
  const reason = refused ?? (match.ok ? null : match.reason);
  const dest = match.ok ? digitalDestination(citizen, match.linkChannel) : undefined;

  await inTransaction(ctx.db, async (tx) => {
    // One request at a time per citizen, also across processes sharing a PostgreSQL: the newest one wins.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`recovery:${citizen.fiscalCode}`}))`);
    if (reason !== null || !dest || !match.ok) {
      await recordEvent(tx, {
        fiscalCode: citizen.fiscalCode,
        type: "recovery-requested",
        at: receivedAt,
        data: {
          matched: false,
          reason: reason ?? "contacts-mismatch",
          profile: request.profile,
          contactsGiven: given,
          contactsMatched: match.matched,
        },
        requestId,
      });
      return;
    }
    const superseded = await tx
      .update(recoveries)
      .set({ voidedAt: receivedAt })
      .where(
        and(
          eq(recoveries.credentialId, credential.id),
          isNull(recoveries.usedAt),
          isNull(recoveries.voidedAt),
        ),
      )
      .returning({ id: recoveries.id });
    const recoveryId = randomUUID();
    const expiresAt = recoveryCodeExpiresAt(ctx.policy, receivedAt);
    const destination = maskDestination(dest);
    await tx.insert(recoveries).values({
      id: recoveryId,
      credentialId: credential.id,
      fiscalCode: citizen.fiscalCode,
      tokenHash,
      codeHash,
      channel: match.linkChannel,
      destination,
      createdAt: receivedAt,
      expiresAt,
    });
    const link = `${ctx.publicUrl().replace(/\/+$/, "")}/api/v1/recoveries/${token}`;
    const outboxId = await enqueueMessage(tx, ctx.sealer, {
      fiscalCode: citizen.fiscalCode,
      purpose: "recovery-link",
      destination,
      message: recoveryLinkMessage(recipientOf(citizen), dest, link, code, expiresAt),
      now: receivedAt,
    });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "recovery-requested",
      at: receivedAt,
      data: {
        matched: true,
        profile: request.profile,
        contactsGiven: given,
        contactsMatched: match.matched,
        recoveryId,
        linkChannel: match.linkChannel,
        expiresAt: expiresAt.toISOString(),
        supersededRecoveries: superseded.length,
      },
      requestId,
    });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "message-queued",
      at: receivedAt,
      data: { outboxId, purpose: "recovery-link", channel: "email", destination },
      requestId,
    });
  });
  ctx.kickOutbox();
}
