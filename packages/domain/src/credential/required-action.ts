// What a session opened in a given state may do first: the requiredAction of POST /sessions.

import type { Policy } from "../policy/policy.ts";
import { isPinExpired } from "../policy/rules.ts";
import type { CredentialState } from "./states.ts";

export type RequiredAction = "replace-initial-pin" | "renew-expired-pin" | "confirm-generated-pin";

/**
 * initial → choose the 8-character PIN (R06); recovery → take the system-generated PIN (R20); active with a
 * PIN older than the policy allows → renew it (R13). Null: the session may use every service.
 */
export function requiredActionFor(
  state: CredentialState,
  pinChangedAt: Date | null,
  policy: Policy,
  now: Date,
): RequiredAction | null {
  if (state === "initial") return "replace-initial-pin";
  if (state === "recovery") return "confirm-generated-pin";
  if (state === "active" && pinChangedAt && isPinExpired(policy, pinChangedAt, now))
    return "renew-expired-pin";
  return null;
}

/** The event that completes a required action. */
export const EVENT_COMPLETING: Readonly<
  Record<RequiredAction, "initial-pin-replaced" | "expired-pin-renewed" | "generated-pin-confirmed">
> = {
  "replace-initial-pin": "initial-pin-replaced",
  "renew-expired-pin": "expired-pin-renewed",
  "confirm-generated-pin": "generated-pin-confirmed",
};

/** Whether a block from wrong PINs (R08) is still running: lockedUntil is orthogonal to the state. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && now.getTime() < lockedUntil.getTime();
}
