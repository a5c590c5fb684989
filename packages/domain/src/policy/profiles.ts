// The two policy profiles: what the INPS guides say, and OWASP ASVS 5.0 level 2 where it asks for more.

import { DEFAULT_POLICY_PROFILE, type Policy, type PolicyProfileName } from "./policy.ts";

const SILENT = "the guides give no figure; a value usual for public-administration portals";

export const inpsGuidesPolicy: Policy = {
  name: "inps-guides",
  activationWindowDays: 90,
  pinLifetimeDays: 180,
  lockout: { threshold: 1, baseSeconds: 180, escalation: "constant", capSeconds: 180 },
  oneTimeCode: { length: 6, lifetimeSeconds: 900, maxAttempts: 5 },
  recoveryCode: { lifetimeSeconds: 86_400, maxAttempts: 5 },
  session: { lifetimeSeconds: 1800 },
  sources: {
    activationWindowDays: {
      rule: "R05",
      why: "the initial PIN must be activated within 90 days (guide 002)",
    },
    pinLifetimeDays: {
      rule: "R13",
      why: "the PIN must be renewed 180 days after its last change (guides 001, 004)",
    },
    "lockout.threshold": { rule: "R08", why: "a single wrong PIN blocks every service (guide 002)" },
    "lockout.baseSeconds": { rule: "R08", why: "the block lasts about 3 minutes (guide 002)" },
    "lockout.escalation": {
      rule: "R08",
      why: "repeating the error imposes another 3 minutes, no more (guide 002)",
    },
    "lockout.capSeconds": { rule: "R08", why: "a block never exceeds the 3 minutes of the guide" },
    "oneTimeCode.length": { rule: "R11", why: `6 digits: ${SILENT}` },
    "oneTimeCode.lifetimeSeconds": { rule: "R11", why: `15 minutes: ${SILENT}` },
    "oneTimeCode.maxAttempts": { rule: "R11", why: `5 wrong codes end the code: ${SILENT}` },
    "recoveryCode.lifetimeSeconds": {
      rule: "R16",
      why: "24 hours: the guides give no figure, only that online recovery takes minutes (R21)",
    },
    "recoveryCode.maxAttempts": { rule: "R17", why: `5 wrong recovery codes end the link: ${SILENT}` },
    "session.lifetimeSeconds": { rule: "R07", why: `30 minutes: ${SILENT}` },
  },
};

export const asvsL2Policy: Policy = {
  name: "asvs-l2",
  activationWindowDays: 90,
  pinLifetimeDays: null,
  lockout: { threshold: 3, baseSeconds: 60, escalation: "exponential", capSeconds: 3600 },
  oneTimeCode: { length: 6, lifetimeSeconds: 600, maxAttempts: 5 },
  recoveryCode: { lifetimeSeconds: 600, maxAttempts: 5 },
  session: { lifetimeSeconds: 1800 },
  sources: {
    activationWindowDays: {
      rule: "R05",
      why: "as the guides: the second half travels by post, which takes days",
    },
    pinLifetimeDays: {
      rule: "R13",
      why: "ASVS (authentication, password security) and NIST SP 800-63B ask not to force periodic changes: they lead to weaker, predictable secrets",
    },
    "lockout.threshold": {
      rule: "R08",
      why: "ASVS asks for brute-force protection that does not lock out legitimate users: two typos pass free",
    },
    "lockout.baseSeconds": { rule: "R08", why: "a short first delay, since it may be a typo" },
    "lockout.escalation": {
      rule: "R08",
      why: "growing delays (doubling) make online guessing impractical without a hard lockout",
    },
    "lockout.capSeconds": {
      rule: "R08",
      why: "at most one hour, so an attacker cannot keep the citizen out for days",
    },
    "oneTimeCode.length": {
      rule: "R11",
      why: "6 random digits give the roughly 20 bits ASVS asks of out-of-band codes",
    },
    "oneTimeCode.lifetimeSeconds": {
      rule: "R11",
      why: "ASVS: an out-of-band code is valid for at most 10 minutes",
    },
    "oneTimeCode.maxAttempts": { rule: "R11", why: "ASVS asks for rate limiting of out-of-band codes" },
    "recoveryCode.lifetimeSeconds": {
      rule: "R16",
      why: "the recovery code is an out-of-band secret sent by email: at most 10 minutes",
    },
    "recoveryCode.maxAttempts": {
      rule: "R17",
      why: "ASVS asks for rate limiting of out-of-band codes: 5 wrong codes end the link",
    },
    "session.lifetimeSeconds": {
      rule: "R07",
      why: "30 minutes, within what ASVS level 2 accepts for an inactive session",
    },
  },
};

export const policyProfiles: Readonly<Record<PolicyProfileName, Policy>> = {
  "inps-guides": inpsGuidesPolicy,
  "asvs-l2": asvsL2Policy,
};

export class UnknownPolicyProfileError extends Error {
  readonly code = "unknown-policy-profile";
  constructor(readonly requested: string) {
    super(`unknown policy profile "${requested}"; known: ${Object.keys(policyProfiles).join(", ")}`);
  }
}

export function isPolicyProfileName(name: string): name is PolicyProfileName {
  return Object.hasOwn(policyProfiles, name);
}

/** The profile called `name` (for POLICY_PROFILE); the default when none is given. */
export function resolvePolicyProfile(name?: string): Policy {
  const chosen = name === undefined || name === "" ? DEFAULT_POLICY_PROFILE : name;
  if (!isPolicyProfileName(chosen)) throw new UnknownPolicyProfileError(chosen);
  return policyProfiles[chosen];
}
