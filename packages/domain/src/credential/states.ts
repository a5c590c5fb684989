// The life of a PIN credential, from the request to revocation.

export const CREDENTIAL_STATES = [
  "requested",
  "awaiting-activation",
  "initial",
  "active",
  "recovery",
  "expired",
  "revoked",
] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];

/** Ordinary: consultation; dispositivo: also applications for benefits (R27). Orthogonal to the state. */
export type PinKind = "ordinary" | "dispositivo";

export const CREDENTIAL_EVENTS = [
  "first-half-posted",
  "halves-sent",
  "activated",
  "initial-pin-replaced",
  "activation-window-elapsed",
  "pin-changed",
  "expired-pin-renewed",
  "recovery-issued",
  "generated-pin-confirmed",
  "dispositivo-approved",
  "revoked",
] as const;
export type CredentialEvent = (typeof CREDENTIAL_EVENTS)[number];

/** What a state means, in a line: for the generated documentation and for operators' screens. */
export const STATE_MEANINGS: Readonly<Record<CredentialState, string>> = {
  requested: "request accepted (R01); nothing has been sent yet",
  "awaiting-activation":
    "post-then-activate: the first half went by post; the second follows activation (R04)",
  initial: "the 16-character PIN is usable once, to choose the 8-character PIN (R06)",
  active: "the 8-character PIN is in use",
  recovery:
    "a new 16-character PIN went by SMS and email (R18); logging in with it leads to a system-generated PIN (R20)",
  expired: "the initial PIN was not activated within the window (R05); a new request is needed",
  revoked: "closed (R24); a new request starts from scratch",
};

/** A credential that blocks a new request (409 credential-exists) and can be revoked. */
export function isLive(state: CredentialState): boolean {
  return state !== "expired" && state !== "revoked";
}

/** States in which the citizen holds a PIN that opens a session (possibly one limited to a required action). */
export function canLogIn(state: CredentialState): boolean {
  return state === "initial" || state === "active" || state === "recovery";
}
