// The Identity service's tables, in its own Postgres schema so one PostgreSQL can host the whole stack.
// No column holds a PIN or a one-time code in clear (R14): only argon2id hashes, and outbox payloads sealed
// with AES-GCM until delivery, then wiped.
import { simClockTable, stateColumn } from "@inps-sim/db";
import type { CredentialState, PinKind } from "@inps-sim/domain";
import { idempotencyKeysTable } from "@inps-sim/service-kit";
import type { ApplicationKind } from "../services/applications.ts";
import { sql } from "drizzle-orm";
import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const identitySchema = pgSchema("identity");

export const simClock = simClockTable(identitySchema);

export const idempotencyKeys = idempotencyKeysTable(identitySchema);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export interface Residence {
  street: string;
  postalCode: string;
  city: string;
  province: string;
}

/** The citizen's anagrafica as INPS would hold it (R01). */
export const citizens = identitySchema.table("citizens", {
  fiscalCode: text("fiscal_code").primaryKey(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  gender: text("gender").notNull(),
  birthDate: text("birth_date").notNull(),
  birthPlace: text("birth_place"),
  residence: jsonb("residence").$type<Residence>(),
  email: text("email"),
  pec: text("pec"),
  mobile: text("mobile"),
  /** What the health-card register would say (docs/contract.md): activation is checked against it. */
  healthCardNumber: text("health_card_number"),
  healthCardExpiry: text("health_card_expiry"),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/** One PIN credential; a citizen has at most one live one (not expired, not revoked). */
/**
 * Wrong PINs for fiscal codes with no credential, counted exactly as `credentials` counts them (R08), so that an
 * unknown fiscal code is blocked like a known one: no answer tells whether a citizen exists. A row ends with its
 * block (the login that finds it expired starts the count again, as for a credential).
 */
export const unknownLoginAttempts = identitySchema.table("unknown_login_attempts", {
  fiscalCode: text("fiscal_code").primaryKey(),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: instant("locked_until"),
  updatedAt: instant("updated_at").notNull(),
});

export const credentials = identitySchema.table(
  "credentials",
  {
    id: text("id").primaryKey(),
    fiscalCode: text("fiscal_code")
      .notNull()
      .references(() => citizens.fiscalCode),
    state: stateColumn<CredentialState>("state").notNull(),
    kind: stateColumn<PinKind>("kind").notNull().default("ordinary"),
    deliveryProfile: text("delivery_profile").notNull(),
    /** The digital channel of the halves: email, pec or sms. */
    digitalChannel: text("digital_channel").notNull(),
    /** The PIN in use (16 characters while initial, 8 afterwards); null until both halves exist. */
    pinHash: text("pin_hash"),
    /** The first 8 characters alone, for activation (R04). */
    firstHalfHash: text("first_half_hash"),
    pinChangedAt: instant("pin_changed_at"),
    requestedAt: instant("requested_at").notNull(),
    activationDeadline: instant("activation_deadline").notNull(),
    activatedAt: instant("activated_at"),
    /** Wrong PINs in a row (R08); changed only by one atomic UPDATE. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: instant("locked_until"),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("credentials_fiscal_code_idx").on(t.fiscalCode),
    uniqueIndex("credentials_one_live_per_citizen")
      .on(t.fiscalCode)
      .where(sql`${t.state} not in ('expired', 'revoked')`),
  ],
);

/** The hashes of earlier PINs, so a new one cannot repeat them (R12 "unique"). */
export const pinHistory = identitySchema.table(
  "pin_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    credentialId: text("credential_id").notNull(),
    pinHash: text("pin_hash").notNull(),
    retiredAt: instant("retired_at").notNull(),
  },
  (t) => [index("pin_history_credential_idx").on(t.credentialId, t.retiredAt)],
);

/** Opaque bearer tokens, kept as SHA-256 hashes (they carry 256 random bits, so a fast hash is enough). */
export const sessions = identitySchema.table(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    /** The PIN that opened the session; null for a SPID session, which no PIN stands behind (R33). */
    credentialId: text("credential_id"),
    fiscalCode: text("fiscal_code").notNull(),
    requiredAction: text("required_action"),
    /** 1–3 for a session opened with a SPID assertion (R35), null for a PIN session. */
    spidLevel: integer("spid_level"),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    endedAt: instant("ended_at"),
  },
  (t) => [index("sessions_credential_idx").on(t.credentialId)],
);

/**
 * The ids (`jti`) of the SPID assertions already used to open a session: each opens one session only. A row may go
 * once its assertion has expired, since an expired assertion is refused anyway.
 */
export const spidAssertionsUsed = identitySchema.table("spid_assertions_used", {
  jti: text("jti").primaryKey(),
  fiscalCode: text("fiscal_code").notNull(),
  usedAt: instant("used_at").notNull(),
  expiresAt: instant("expires_at").notNull(),
});

/** A PIN change waiting for its verification code (R09–R11). */
export const pinChanges = identitySchema.table(
  "pin_changes",
  {
    id: text("id").primaryKey(),
    credentialId: text("credential_id").notNull(),
    sessionTokenHash: text("session_token_hash").notNull(),
    newPinHash: text("new_pin_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    channel: text("channel").notNull(),
    destination: text("destination").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    /** Set when a newer change or a completed one made this one void. */
    voidedAt: instant("voided_at"),
  },
  (t) => [index("pin_changes_credential_idx").on(t.credentialId)],
);

/** A change of contact waiting for the code sent to the new contact (R25); nothing changes until it is confirmed. */
export const contactChanges = identitySchema.table(
  "contact_changes",
  {
    id: text("id").primaryKey(),
    fiscalCode: text("fiscal_code").notNull(),
    credentialId: text("credential_id").notNull(),
    /** email | pec | mobile */
    field: text("field").notNull(),
    /** The new value (normalised); null removes the contact. */
    newValue: text("new_value"),
    codeHash: text("code_hash").notNull(),
    /** Masked: where the code went. */
    destination: text("destination").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    /** Set when a newer change, or a revocation, made this one void. */
    voidedAt: instant("voided_at"),
  },
  (t) => [index("contact_changes_fiscal_code_idx").on(t.fiscalCode)],
);

/** Messages to the gateways, written in the transaction of the state change that causes them. */
export const outbox = identitySchema.table(
  "outbox",
  {
    id: text("id").primaryKey(),
    fiscalCode: text("fiscal_code").notNull(),
    /** sms | email | letter */
    channel: text("channel").notNull(),
    /** first-half, second-half, verification-code, pin-changed, … */
    purpose: text("purpose").notNull(),
    /** The masked destination, for the control plane and the timeline. */
    destination: text("destination").notNull(),
    /** The message, sealed (AES-256-GCM) because it may carry a secret; null once delivered. */
    sealed: text("sealed"),
    /** pending | sent | dead | cancelled (by a revocation, before it left) */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Simulated time: when the next attempt is due (exponential backoff). */
    nextAttemptAt: instant("next_attempt_at").notNull(),
    /** Wall time: a dispatcher holds the message until then while it talks to the gateway. */
    leaseUntil: instant("lease_until"),
    lastError: text("last_error"),
    gatewayRef: text("gateway_ref"),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_fiscal_code_idx").on(t.fiscalCode),
  ],
);

/** The citizen's timeline: every request, delivery, login, lockout and change, in simulated time. */
export const events = identitySchema.table(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    fiscalCode: text("fiscal_code").notNull(),
    type: text("type").notNull(),
    at: instant("at").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    requestId: text("request_id"),
  },
  (t) => [index("events_fiscal_code_idx").on(t.fiscalCode, t.at)],
);

/** Applications for economic benefits (R27): their status follows from submittedAt and the simulated clock. */
export const applications = identitySchema.table(
  "applications",
  {
    id: text("id").primaryKey(),
    fiscalCode: text("fiscal_code").notNull(),
    kind: stateColumn<ApplicationKind>("kind").notNull(),
    /** How the applicant was authenticated: "pin" or "spid". */
    via: text("via").notNull(),
    submittedAt: instant("submitted_at").notNull(),
  },
  (t) => [index("applications_fiscal_code_idx").on(t.fiscalCode, t.submittedAt)],
);

/** `cancelled`: the credential was revoked while the request was open. */
export type DispositivoRequestStatus =
  "awaiting-signed-form" | "under-review" | "approved" | "rejected" | "cancelled";

/** A request to turn an ordinary PIN into a PIN dispositivo (R28–R31). At most one open request per citizen. */
export const dispositivoRequests = identitySchema.table(
  "dispositivo_requests",
  {
    id: text("id").primaryKey(),
    fiscalCode: text("fiscal_code").notNull(),
    credentialId: text("credential_id").notNull(),
    /** Changed only by atomic UPDATEs. */
    status: stateColumn<DispositivoRequestStatus>("status").notNull(),
    documentType: text("document_type").notNull(),
    documentNumber: text("document_number").notNull(),
    documentIssuedBy: text("document_issued_by").notNull(),
    documentIssueDate: text("document_issue_date").notNull(),
    documentExpiryDate: text("document_expiry_date").notNull(),
    /** upload | fax | office */
    deliveredVia: text("delivered_via"),
    deliveredAt: instant("delivered_at"),
    decidedBy: text("decided_by"),
    decidedAt: instant("decided_at"),
    reason: text("reason"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("dispositivo_requests_status_idx").on(t.status, t.createdAt),
    uniqueIndex("dispositivo_requests_one_open_per_citizen")
      .on(t.fiscalCode)
      .where(sql`${t.status} in ('awaiting-signed-form', 'under-review')`),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** The uploaded scans (signed form, identity document): deleted with their request. */
export const dispositivoFiles = identitySchema.table(
  "dispositivo_files",
  {
    requestId: text("request_id")
      .notNull()
      .references(() => dispositivoRequests.id, { onDelete: "cascade" }),
    /** signed-form | identity-document */
    part: text("part").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    content: bytea("content").notNull(),
    uploadedAt: instant("uploaded_at").notNull(),
  },
  (t) => [uniqueIndex("dispositivo_files_part").on(t.requestId, t.part)],
);

/**
 * A lost-PIN recovery (R15–R17): the link's token (256 random bits, so SHA-256) and the recovery code (argon2id)
 * are kept only as hashes. Used once (`used_at`), void when a newer request replaces it (`voided_at`).
 */
export const recoveries = identitySchema.table(
  "recoveries",
  {
    id: text("id").primaryKey(),
    credentialId: text("credential_id").notNull(),
    fiscalCode: text("fiscal_code").notNull(),
    tokenHash: text("token_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    /** email | pec: where the link and the code went. */
    channel: text("channel").notNull(),
    destination: text("destination").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    voidedAt: instant("voided_at"),
  },
  (t) => [
    uniqueIndex("recoveries_token_hash_idx").on(t.tokenHash),
    index("recoveries_credential_idx").on(t.credentialId),
  ],
);

/** The system-generated PIN of R20, shown once: only its hash is kept until the citizen types it back. */
export const generatedPins = identitySchema.table(
  "generated_pins",
  {
    id: text("id").primaryKey(),
    credentialId: text("credential_id").notNull(),
    pinHash: text("pin_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: instant("created_at").notNull(),
    usedAt: instant("used_at"),
    /** Set when the citizen asked for another one, or the recovery was completed. */
    voidedAt: instant("voided_at"),
  },
  (t) => [index("generated_pins_credential_idx").on(t.credentialId)],
);
