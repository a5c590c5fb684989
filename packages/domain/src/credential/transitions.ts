// Every allowed transition, as data: the state machine, the tests and docs/credential-states.md all read it.

import type { CredentialEvent, CredentialState, PinKind } from "./states.ts";

export interface CredentialTransition {
  from: CredentialState;
  event: CredentialEvent;
  to: CredentialState;
  rule: string;
  /** Only for a credential of this kind. */
  requiresKind?: PinKind;
  /** The kind the credential has afterwards. */
  setsKind?: PinKind;
}

const LIVE_STATES = ["requested", "awaiting-activation", "initial", "active", "recovery"] as const;

export const CREDENTIAL_TRANSITIONS: readonly CredentialTransition[] = [
  // R03 post-then-activate: the first half by post; the second only after activation.
  { from: "requested", event: "first-half-posted", to: "awaiting-activation", rule: "R03" },
  // R03 digital-then-post: first half by email, PEC or SMS, second by post, both at once.
  { from: "requested", event: "halves-sent", to: "initial", rule: "R03" },
  { from: "awaiting-activation", event: "activated", to: "initial", rule: "R04" },
  { from: "initial", event: "initial-pin-replaced", to: "active", rule: "R06" },
  // R05: the 90 days run from the accepted request, whatever has been delivered by then.
  { from: "requested", event: "activation-window-elapsed", to: "expired", rule: "R05" },
  { from: "awaiting-activation", event: "activation-window-elapsed", to: "expired", rule: "R05" },
  { from: "initial", event: "activation-window-elapsed", to: "expired", rule: "R05" },
  { from: "active", event: "pin-changed", to: "active", rule: "R11" },
  // R13: an expired 8-character PIN is not a state (see docs/credential-states.md); renewing it is a change.
  { from: "active", event: "expired-pin-renewed", to: "active", rule: "R13" },
  { from: "active", event: "recovery-issued", to: "recovery", rule: "R18" },
  // Asking again before using the recovery PIN replaces it with a new one.
  { from: "recovery", event: "recovery-issued", to: "recovery", rule: "R18" },
  { from: "recovery", event: "generated-pin-confirmed", to: "active", rule: "R20" },
  {
    from: "active",
    event: "dispositivo-approved",
    to: "active",
    rule: "R31",
    requiresKind: "ordinary",
    setsKind: "dispositivo",
  },
  ...LIVE_STATES.map((from): CredentialTransition => ({
    from,
    event: "revoked",
    to: "revoked",
    rule: "R24",
  })),
];
