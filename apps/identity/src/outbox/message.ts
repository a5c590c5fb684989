// What the outbox carries: one message for one gateway, exactly as the gateway's client takes it.
import type { PostalAddress } from "@inps-sim/clients";

export type OutboundMessage =
  | { channel: "sms"; to: string; text: string }
  | { channel: "email"; to: string; from: string; subject: string; text: string }
  | {
      channel: "letter";
      recipient: PostalAddress;
      service: "ordinaria" | "raccomandata";
      subject: string;
      body: string;
    };

export type OutboxChannel = OutboundMessage["channel"];

/** Why a message is sent: shown on the control plane and in the timeline. */
export type OutboxPurpose =
  | "first-half"
  | "second-half"
  | "verification-code"
  | "pin-changed"
  | "recovery-link"
  | "recovery-first-half"
  | "recovery-second-half"
  | "revocation-confirmed"
  | "contact-verification-code"
  | "contacts-changed"
  | "dispositivo-decision"
  | "pin-request-notice";
