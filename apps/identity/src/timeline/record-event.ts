// The citizen's timeline: written in the same transaction as what it records. Never a PIN or a code in `data`.
import type { Database } from "@inps-sim/db";
import { events } from "../db/schema.ts";

export type TimelineEventType =
  | "pin-requested"
  | "pin-request-for-existing-pin"
  | "message-queued"
  | "message-sent"
  | "message-failed"
  | "activation-failed"
  | "activated"
  | "initial-pin-expired"
  | "login-succeeded"
  | "spid-assertion-issued"
  | "spid-login-refused"
  | "login-failed"
  | "login-refused-locked"
  | "locked"
  | "logged-out"
  | "pin-expired"
  | "pin-change-requested"
  | "pin-change-refused"
  | "pin-change-code-failed"
  | "pin-changed"
  | "citizen-created"
  | "application-submitted"
  | "dispositivo-requested"
  | "dispositivo-form-delivered"
  | "dispositivo-approved"
  | "dispositivo-rejected"
  | "service-refused-locked"
  | "recovery-requested"
  | "recovery-code-failed"
  | "recovery-refused"
  | "recovery-confirmed"
  | "generated-pin-shown"
  | "generated-pin-failed"
  | "generated-pin-confirmed"
  | "revoked"
  | "revocation-failed"
  | "contact-change-requested"
  | "contact-change-code-failed"
  | "contacts-changed";

export interface TimelineEvent {
  fiscalCode: string;
  type: TimelineEventType;
  at: Date;
  data?: Record<string, unknown>;
  requestId?: string | undefined;
}

export async function recordEvent(db: Database, event: TimelineEvent): Promise<void> {
  await db.insert(events).values({
    fiscalCode: event.fiscalCode,
    type: event.type,
    at: event.at,
    data: event.data ?? {},
    requestId: event.requestId ?? null,
  });
}
