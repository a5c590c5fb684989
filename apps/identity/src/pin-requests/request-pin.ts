// R01–R03: a PIN request creates the citizen and the credential and queues the halves by the delivery profile,
// all in one transaction. Only hashes are kept; the halves leave through the sealed outbox.
import { randomUUID } from "node:crypto";
import { activationDeadline, generateInitialPin, transition } from "@inps-sim/domain";
import type { Database } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import type { DigitalChannel, IdentityContext } from "../context.ts";
import {
  digitalDestination,
  maskDestination,
  personalDestination,
  recipientOf,
} from "../credentials/destinations.ts";
import {
  activationWindowClosed,
  expireInitialPin,
  findLiveCredential,
  type CitizenRow,
} from "../credentials/store.ts";
import { citizens, credentials } from "../db/schema.ts";
import { credentialExists } from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import { enqueueMessage } from "../outbox/enqueue.ts";
import {
  firstHalfDigital,
  firstHalfLetter,
  pinRequestForExistingPinMessage,
  secondHalfLetter,
} from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";
import type { ValidPerson, ValidPinRequest } from "./validate-request.ts";

export interface PinRequestAccepted {
  requestId: string;
  deliveryProfile: ValidPinRequest["deliveryProfile"];
  channels: { firstHalf: DigitalChannel | "post"; secondHalf: DigitalChannel | "post" };
  activationDeadline: string;
}

/** What is computed before the transaction (hashing is slow; a transaction should not wait for it). */
export interface PreparedPin {
  firstHalf: string;
  secondHalf: string;
  firstHalfHash: string;
  /** digital-then-post only: both halves go out now. post-then-activate draws its second half at activation. */
  pinHash: string | null;
}

export async function preparePin(ctx: IdentityContext, request: ValidPinRequest): Promise<PreparedPin> {
  const pin = generateInitialPin(ctx.random);
  const [firstHalfHash, pinHash] = await Promise.all([
    ctx.hasher.hash(pin.firstHalf),
    request.deliveryProfile === "digital-then-post" ? ctx.hasher.hash(pin.pin) : Promise.resolve(null),
  ]);
  return { firstHalf: pin.firstHalf, secondHalf: pin.secondHalf, firstHalfHash, pinHash };
}

export async function upsertCitizen(db: Database, person: ValidPerson, now: Date): Promise<CitizenRow> {
  const values = {
    fiscalCode: person.fiscalCode,
    firstName: person.firstName,
    lastName: person.lastName,
    gender: person.gender,
    birthDate: person.birthDate,
    birthPlace: person.birthPlace,
    residence: person.residence,
    email: person.email,
    pec: person.pec,
    mobile: person.mobile,
    healthCardNumber: person.healthCard?.number ?? null,
    healthCardExpiry: person.healthCard?.expiryDate ?? null,
    updatedAt: now,
  };
  const [row] = await db
    .insert(citizens)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({ target: citizens.fiscalCode, set: values })
    .returning();
  return row!;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}

export async function persistPinRequest(
  ctx: IdentityContext,
  db: Database,
  request: ValidPinRequest,
  prepared: PreparedPin,
  requestId?: string,
  origin: { via: "online" } | { via: "contact-centre"; operatorId: string } = { via: "online" },
): Promise<PinRequestAccepted> {
  const now = ctx.clock.now();
  const deadline = activationDeadline(ctx.policy, now);
  const { person, deliveryProfile, channel } = request;
  const credentialId = randomUUID();
  const accepted: PinRequestAccepted = {
    requestId: credentialId,
    deliveryProfile,
    channels:
      deliveryProfile === "digital-then-post"
        ? { firstHalf: channel, secondHalf: "post" }
        : { firstHalf: "post", secondHalf: channel },
    activationDeadline: deadline.toISOString(),
  };
  // asvs-l2: the answer never tells that a citizen already has a PIN; the citizen is told by message instead.
  const quiet = ctx.policy.name === "asvs-l2";
  try {
    await inTransaction(db, async (tx) => {
      // One live credential per citizen; serialise concurrent requests for the same fiscal code.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pin-request:${person.fiscalCode}`}))`);
      const existing = await findLiveCredential(tx, person.fiscalCode);
      if (existing) {
        if (!activationWindowClosed(existing.credential, now)) {
          if (!quiet) throw credentialExists();
          await notifyExistingPin(ctx, tx, existing.citizen, now, requestId, origin);
          return;
        }
        await expireInitialPin(tx, existing.credential, now, requestId);
      }
      const citizen = await upsertCitizen(tx, person, now);
      const dest = digitalDestination(citizen, channel)!;
      const masked = maskDestination(dest);
      const recipient = recipientOf(citizen);
      const state = transition(
        "requested",
        deliveryProfile === "digital-then-post" ? "halves-sent" : "first-half-posted",
      );
      await tx.insert(credentials).values({
        id: credentialId,
        fiscalCode: person.fiscalCode,
        state,
        kind: "ordinary",
        deliveryProfile,
        digitalChannel: channel,
        pinHash: prepared.pinHash,
        firstHalfHash: prepared.firstHalfHash,
        requestedAt: now,
        activationDeadline: deadline,
        updatedAt: now,
      });
      await recordEvent(tx, {
        fiscalCode: person.fiscalCode,
        type: "pin-requested",
        at: now,
        data: {
          credentialId,
          deliveryProfile,
          channel,
          activationDeadline: deadline.toISOString(),
          ...origin,
        },
        requestId,
      });
      const address = person.residence
        ? `${person.residence.postalCode} ${person.residence.city} (${person.residence.province})`
        : "";
      const queue = async (
        purpose: "first-half" | "second-half",
        message: Parameters<typeof enqueueMessage>[2]["message"],
        destination: string,
      ) => {
        const outboxId = await enqueueMessage(tx, ctx.sealer, {
          fiscalCode: person.fiscalCode,
          purpose,
          destination,
          message,
          now,
        });
        await recordEvent(tx, {
          fiscalCode: person.fiscalCode,
          type: "message-queued",
          at: now,
          data: { outboxId, purpose, channel: message.channel, destination },
          requestId,
        });
      };
      if (deliveryProfile === "digital-then-post") {
        await queue("first-half", firstHalfDigital(recipient, dest, prepared.firstHalf, deadline), masked);
        await queue(
          "second-half",
          secondHalfLetter(recipient, prepared.secondHalf, dest, masked, deadline),
          address,
        );
      } else {
        await queue(
          "first-half",
          firstHalfLetter(recipient, prepared.firstHalf, dest, masked, deadline),
          address,
        );
      }
    });
  } catch (error) {
    // A concurrent request for the same citizen won: under asvs-l2 that too is answered like any other.
    if (isUniqueViolation(error)) {
      if (quiet) return accepted;
      throw credentialExists();
    }
    throw error;
  }
  return accepted;
}

/** The notice of a PIN request for a citizen who already has a PIN, to the contact the citizen registered. */
async function notifyExistingPin(
  ctx: IdentityContext,
  tx: Database,
  citizen: CitizenRow,
  now: Date,
  requestId: string | undefined,
  origin: object,
) {
  await recordEvent(tx, {
    fiscalCode: citizen.fiscalCode,
    type: "pin-request-for-existing-pin",
    at: now,
    data: { ...origin },
    requestId,
  });
  const dest = personalDestination(citizen);
  if (!dest) return;
  const destination = maskDestination(dest);
  const message = pinRequestForExistingPinMessage(recipientOf(citizen), dest, now);
  const outboxId = await enqueueMessage(tx, ctx.sealer, {
    fiscalCode: citizen.fiscalCode,
    purpose: "pin-request-notice",
    destination,
    message,
    now,
  });
  await recordEvent(tx, {
    fiscalCode: citizen.fiscalCode,
    type: "message-queued",
    at: now,
    data: { outboxId, purpose: "pin-request-notice", channel: message.channel, destination },
    requestId,
  });
}
