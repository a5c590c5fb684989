// The numbers behind the rules, as data: two named profiles, each value with the rule it comes from.

export type LockoutEscalation = "constant" | "exponential";

export interface Policy {
  name: PolicyProfileName;
  /** Days to activate the initial PIN after the request is accepted (R05). */
  activationWindowDays: number;
  /** Days an 8-character PIN lives after its last change (R13); null: it never expires by age. */
  pinLifetimeDays: number | null;
  lockout: {
    /** Consecutive wrong PINs before a block starts (R08: the first one). */
    threshold: number;
    /** Seconds of the first block (R08: about 3 minutes). */
    baseSeconds: number;
    /** constant: every further wrong PIN blocks baseSeconds again; exponential: each doubles the last. */
    escalation: LockoutEscalation;
    /** The longest block, whatever the count. */
    capSeconds: number;
  };
  /** The code that confirms a PIN change or a new contact (R11, R25). */
  oneTimeCode: { length: number; lifetimeSeconds: number; maxAttempts: number };
  /** The "codice di ripristino" of an online recovery (R16, R17): how long link and code live, how many wrong codes end them. */
  recoveryCode: { lifetimeSeconds: number; maxAttempts: number };
  session: { lifetimeSeconds: number };
  /** Where each value comes from, by setting path ("lockout.baseSeconds"). */
  sources: Readonly<Record<PolicySetting, PolicySource>>;
}

export interface PolicySource {
  /** The docs/rules.md id this setting serves. */
  rule: string;
  /** Why this profile has this value. */
  why: string;
}

export const POLICY_SETTINGS = [
  "activationWindowDays",
  "pinLifetimeDays",
  "lockout.threshold",
  "lockout.baseSeconds",
  "lockout.escalation",
  "lockout.capSeconds",
  "oneTimeCode.length",
  "oneTimeCode.lifetimeSeconds",
  "oneTimeCode.maxAttempts",
  "recoveryCode.lifetimeSeconds",
  "recoveryCode.maxAttempts",
  "session.lifetimeSeconds",
] as const;

export type PolicySetting = (typeof POLICY_SETTINGS)[number];

export type PolicyProfileName = "inps-guides" | "asvs-l2";

export const DEFAULT_POLICY_PROFILE: PolicyProfileName = "inps-guides";

/** The value of one setting, read by its path. */
export function policyValue(policy: Policy, setting: PolicySetting): number | string | null {
  const [group, key] = setting.split(".") as [string, string | undefined];
  const top = (policy as unknown as Record<string, unknown>)[group];
  const value = key === undefined ? top : (top as Record<string, unknown>)[key];
  return value as number | string | null;
}
