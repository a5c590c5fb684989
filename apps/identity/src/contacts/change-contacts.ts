// R25 "modifica contatti PIN": a change is confirmed by a code sent to the new contact (a removal: to a contact
// that remains), and nothing changes until then. The previous contact is told. At least one digital contact
// always remains. R26: the contact centre adds a contact at once, having identified the caller.
import { randomUUID } from "node:crypto";
import { generateOneTimeCode, oneTimeCodeExpiresAt } from "@inps-sim/domain";
import { inTransaction, type Database } from "@inps-sim/db";
import { validationFailed } from "@inps-sim/service-kit";
import { and, eq, isNotNull, isNull, or } from "drizzle-orm";
import { checkPendingCode } from "../codes/pending-code.ts";
import type { IdentityContext } from "../context.ts";
import { maskDestination, personalDestination, recipientOf } from "../credentials/destinations.ts";
import { normalizeFiscalCode, type CitizenRow } from "../credentials/store.ts";
import { citizens, contactChanges } from "../db/schema.ts";
import { codeExpired, lastContact, notFound, unauthenticated } from "../http/problems.ts";
import { enqueueMessage } from "../outbox/enqueue.ts";
import type { SessionInfo } from "../sessions/session-auth.ts";
import {
  contactsChangedMessage,
  contactVerificationMessage,
  type ContactField,
  type DigitalDestination,
} from "../texts/messages-it.ts";
import { recordEvent } from "../timeline/record-event.ts";
import {
  CONTACT_FIELDS,
  destinationOf,
  firstContactExcept,
  maskedContacts,
  normalizeContact,
  type ContactsView,
} from "./contact-values.ts";

/** One contact per change: a value sets it, null removes it. */
export type ContactPatch = Partial<Record<ContactField, string | null>>;

export interface ContactChangeStarted {
  verificationId: string;
  /** Masked: where the code went. */
  destination: string;
}

async function loadCitizen(db: Database, fiscalCode: string): Promise<CitizenRow | undefined> {
  const rows = await db.select().from(citizens).where(eq(citizens.fiscalCode, fiscalCode));
  return rows[0];
}

const OTHERS: Record<ContactField, [ContactField, ContactField]> = {
  email: ["pec", "mobile"],
  pec: ["email", "mobile"],
  mobile: ["email", "pec"],
};

function onlyField(patch: ContactPatch): [ContactField, string | null] {
  const given = CONTACT_FIELDS.filter((f) => patch[f] !== undefined);
  if (given.length !== 1)
    throw validationFailed([
      { path: "contacts", message: "change one contact at a time: email, pec or mobile" },
    ]);
  const field = given[0]!;
  return [field, patch[field]!];
}

export async function startContactChange(
  ctx: IdentityContext,
  session: SessionInfo,
  patch: ContactPatch,
  requestId?: string,
): Promise<ContactChangeStarted> {
  const now = ctx.clock.now();
  const [field, raw] = onlyField(patch);
  const citizen = await loadCitizen(ctx.db, session.fiscalCode);
  if (!citizen) throw unauthenticated();
  let newValue: string | null = null;
  let codeTo: DigitalDestination | undefined;
  if (raw === null) {
    if (!citizen[field]) throw validationFailed([{ path: field, message: `no ${field} is registered` }]);
    codeTo = firstContactExcept(citizen, field);
    if (!codeTo) throw lastContact();
  } else {
    newValue = normalizeContact(field, raw);
    if (newValue === citizen[field])
      throw validationFailed([{ path: field, message: `this is already the registered ${field}` }]);
    codeTo = destinationOf(field, newValue);
  }
  const code = generateOneTimeCode(ctx.random, ctx.policy.oneTimeCode.length);
  const codeHash = await ctx.hasher.hash(code);
  const verificationId = randomUUID();
  const destination = maskDestination(codeTo);
  const action = raw === null ? "removed" : "set";
  await inTransaction(ctx.db, async (tx) => {
    // Only the newest change can be confirmed.
    await tx
      .update(contactChanges)
      .set({ voidedAt: now })
      .where(
        and(
          eq(contactChanges.fiscalCode, citizen.fiscalCode),
          isNull(contactChanges.usedAt),
          isNull(contactChanges.voidedAt),
        ),
      );
    await tx.insert(contactChanges).values({
      id: verificationId,
      fiscalCode: citizen.fiscalCode,
      credentialId: session.credentialId,
      field,
      newValue,
      codeHash,
      destination,
      createdAt: now,
      expiresAt: oneTimeCodeExpiresAt(ctx.policy, now),
    });
    await enqueueMessage(tx, ctx.sealer, {
      fiscalCode: citizen.fiscalCode,
      purpose: "contact-verification-code",
      destination,
      message: contactVerificationMessage(
        recipientOf(citizen),
        codeTo,
        field,
        code,
        Math.round(ctx.policy.oneTimeCode.lifetimeSeconds / 60),
      ),
      now,
    });
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: "contact-change-requested",
      at: now,
      data: { verificationId, field, action, destination },
      requestId,
    });
  });
  ctx.kickOutbox();
  return { verificationId, destination };
}

/** Tells the previous contact of the field (or, when there was none, the contact INPS wrote to until now). */
async function notifyChange(
  ctx: IdentityContext,
  tx: Database,
  before: CitizenRow,
  field: ContactField,
  action: "set" | "removed",
  via: "online" | "contact-centre",
  now: Date,
) {
  const old = before[field];
  const to = old ? destinationOf(field, old) : personalDestination(before);
  if (!to) return;
  await enqueueMessage(tx, ctx.sealer, {
    fiscalCode: before.fiscalCode,
    purpose: "contacts-changed",
    destination: maskDestination(to),
    message: contactsChangedMessage(recipientOf(before), to, field, action, now, via),
    now,
  });
}

/** Sets or removes one contact; a removal only while another contact remains (one statement, so two removals cannot race past it). */
async function applyContact(
  tx: Database,
  fiscalCode: string,
  field: ContactField,
  value: string | null,
  now: Date,
): Promise<CitizenRow> {
  const [a, b] = OTHERS[field];
  const guard = value === null ? or(isNotNull(citizens[a]), isNotNull(citizens[b])) : undefined;
  const rows = await tx
    .update(citizens)
    .set({ [field]: value, updatedAt: now })
    .where(and(eq(citizens.fiscalCode, fiscalCode), guard))
    .returning();
  if (!rows[0]) throw lastContact();
  return rows[0];
}

export async function confirmContactChange(
  ctx: IdentityContext,
  session: SessionInfo,
  verificationId: string,
  code: string,
  requestId?: string,
): Promise<{ contacts: ContactsView }> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(contactChanges)
    .where(and(eq(contactChanges.id, verificationId), eq(contactChanges.fiscalCode, session.fiscalCode)));
  const change = rows[0];
  if (!change) throw notFound("Verifica del contatto");
  await checkPendingCode(ctx, "contact_changes", change, code, {
    fiscalCode: session.fiscalCode,
    type: "contact-change-code-failed",
    data: { verificationId },
    requestId,
  });

  const field = change.field as ContactField;
  const action = change.newValue === null ? "removed" : "set";
  const after = await inTransaction(ctx.db, async (tx) => {
    // The code is consumed once: UPDATE … WHERE used_at IS NULL.
    const consumed = await tx
      .update(contactChanges)
      .set({ usedAt: now })
      .where(
        and(eq(contactChanges.id, change.id), isNull(contactChanges.usedAt), isNull(contactChanges.voidedAt)),
      )
      .returning({ id: contactChanges.id });
    if (consumed.length === 0) throw codeExpired("used");
    const before = await loadCitizen(tx, session.fiscalCode);
    if (!before) throw unauthenticated();
    const updated = await applyContact(tx, session.fiscalCode, field, change.newValue, now);
    await notifyChange(ctx, tx, before, field, action, "online", now);
    await recordEvent(tx, {
      fiscalCode: session.fiscalCode,
      type: "contacts-changed",
      at: now,
      data: { verificationId, field, action, via: "online", contacts: maskedContacts(updated) },
      requestId,
    });
    return updated;
  });
  ctx.kickOutbox();
  return { contacts: maskedContacts(after) };
}

export async function contactsOf(
  ctx: IdentityContext,
  session: SessionInfo,
): Promise<{ contacts: ContactsView }> {
  const citizen = await loadCitizen(ctx.db, session.fiscalCode);
  if (!citizen) throw unauthenticated();
  return { contacts: maskedContacts(citizen) };
}

/** R26: the operator adds (or replaces) contacts for a caller they identified; applied at once, the previous contact told. */
export async function addContactsByOperator(
  ctx: IdentityContext,
  fiscalCodeInput: string,
  input: Partial<Record<ContactField, string>>,
  operatorId: string,
  requestId?: string,
): Promise<{ contacts: ContactsView }> {
  const now = ctx.clock.now();
  const fiscalCode = normalizeFiscalCode(fiscalCodeInput);
  const given = CONTACT_FIELDS.filter((f) => input[f] !== undefined);
  if (given.length === 0)
    throw validationFailed([
      { path: "contacts", message: "give at least one contact: email, pec or mobile" },
    ]);
  const values = given.map((f) => [f, normalizeContact(f, input[f]!)] as const);
  const citizen = await loadCitizen(ctx.db, fiscalCode);
  if (!citizen) throw notFound("Cittadino");
  const after = await inTransaction(ctx.db, async (tx) => {
    let current = citizen;
    for (const [field, value] of values) {
      if (current[field] === value) continue;
      const updated = await applyContact(tx, fiscalCode, field, value, now);
      await notifyChange(ctx, tx, current, field, "set", "contact-centre", now);
      await recordEvent(tx, {
        fiscalCode,
        type: "contacts-changed",
        at: now,
        data: { field, action: "set", via: "contact-centre", operatorId, contacts: maskedContacts(updated) },
        requestId,
      });
      current = updated;
    }
    return current;
  });
  ctx.kickOutbox();
  return { contacts: maskedContacts(after) };
}
