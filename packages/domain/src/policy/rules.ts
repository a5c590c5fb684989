// What the policy values mean for a given moment or count.

import { addDays } from "../time/duration.ts";
import type { Policy } from "./policy.ts";

/** Seconds the citizen is blocked after `consecutiveFailures` wrong PINs in a row (0: not blocked). */
export function lockoutSeconds(policy: Policy, consecutiveFailures: number): number {
  const { threshold, baseSeconds, escalation, capSeconds } = policy.lockout;
  if (!Number.isFinite(consecutiveFailures) || consecutiveFailures < threshold) return 0;
  if (escalation === "constant") return Math.min(baseSeconds, capSeconds);
  const doublings = Math.floor(consecutiveFailures) - threshold;
  // Beyond 31 doublings any base exceeds any sensible cap; stop before the number loses meaning.
  return doublings > 31 ? capSeconds : Math.min(capSeconds, baseSeconds * 2 ** doublings);
}

/** The last instant at which an initial PIN requested at `requestedAt` can be activated (R05). */
export function activationDeadline(policy: Policy, requestedAt: Date): Date {
  return addDays(requestedAt, policy.activationWindowDays);
}

/** When a PIN changed at `changedAt` must be renewed (R13); null when the profile has no expiry. */
export function pinExpiresAt(policy: Policy, changedAt: Date): Date | null {
  return policy.pinLifetimeDays === null ? null : addDays(changedAt, policy.pinLifetimeDays);
}

export function isPinExpired(policy: Policy, changedAt: Date, now: Date): boolean {
  const expiry = pinExpiresAt(policy, changedAt);
  return expiry !== null && now.getTime() >= expiry.getTime();
}

function secondsAfter(from: Date, seconds: number): Date {
  return new Date(from.getTime() + seconds * 1000);
}

export function oneTimeCodeExpiresAt(policy: Policy, issuedAt: Date): Date {
  return secondsAfter(issuedAt, policy.oneTimeCode.lifetimeSeconds);
}

export function recoveryCodeExpiresAt(policy: Policy, issuedAt: Date): Date {
  return secondsAfter(issuedAt, policy.recoveryCode.lifetimeSeconds);
}

export function sessionExpiresAt(policy: Policy, startedAt: Date): Date {
  return secondsAfter(startedAt, policy.session.lifetimeSeconds);
}

/** When the block that a wrong PIN at `failedAt` starts is over (R08: counted from that wrong PIN). */
export function lockedUntil(policy: Policy, consecutiveFailures: number, failedAt: Date): Date | null {
  const seconds = lockoutSeconds(policy, consecutiveFailures);
  return seconds === 0 ? null : secondsAfter(failedAt, seconds);
}
