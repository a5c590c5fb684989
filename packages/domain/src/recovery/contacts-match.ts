// R15: which contacts a lost-PIN recovery must name, and whether they match the registered ones. Two profiles,
// one per guide: `mobile-and-email` (guide 001, default) and `any-two` of email, PEC and mobile (guide 003).

import { normalizeEmail } from "../contacts/email.ts";
import { normalizeItalianMobile } from "../contacts/mobile.ts";

export const RECOVERY_CONTACT_PROFILES = ["mobile-and-email", "any-two"] as const;
export type RecoveryContactsProfile = (typeof RECOVERY_CONTACT_PROFILES)[number];
export const DEFAULT_RECOVERY_CONTACTS: RecoveryContactsProfile = "mobile-and-email";

export type RecoveryContact = "email" | "pec" | "mobile";

export interface ContactSet {
  email?: string | null | undefined;
  pec?: string | null | undefined;
  mobile?: string | null | undefined;
}

/** Where the link and the code go: the PEC when the PEC matched, else the email (R16). */
export type RecoveryLinkChannel = "email" | "pec";

export type RecoveryMatch =
  | { ok: true; matched: RecoveryContact[]; linkChannel: RecoveryLinkChannel }
  | { ok: false; reason: "contacts-mismatch" | "too-few-contacts"; matched: RecoveryContact[] };

const CONTACTS: readonly RecoveryContact[] = ["email", "pec", "mobile"];

/** Emails compare without regard to case or surrounding space; mobiles as E.164 ("347 123 4567" = "+393471234567"). */
export function normalizeRecoveryContact(kind: RecoveryContact, value: string): string {
  if (kind === "mobile") {
    const m = normalizeItalianMobile(value);
    return m.ok ? m.e164 : value.replace(/\s+/g, "");
  }
  return normalizeEmail(value).toLowerCase();
}

/** The contacts a profile needs the citizen to give, for a validation message (`any-two` needs any two). */
export function requiredRecoveryContacts(
  profile: RecoveryContactsProfile,
  given: ContactSet,
): RecoveryContact[] | "any-two" {
  if (profile === "mobile-and-email") return (["mobile", "email"] as const).filter((k) => !given[k]);
  return CONTACTS.filter((k) => given[k]).length >= 2 ? [] : "any-two";
}

/**
 * Every contact given must equal the registered one (a wrong one spoils the match), and together they must
 * satisfy the profile. Pure: the caller decides what a mismatch means (always the same answer, R15).
 */
export function matchRecoveryContacts(
  profile: RecoveryContactsProfile,
  registered: ContactSet,
  given: ContactSet,
): RecoveryMatch {
  const named = CONTACTS.filter((k) => given[k]);
  const matched = named.filter((k) => {
    const want = registered[k];
    const got = given[k];
    return Boolean(want && got) && normalizeRecoveryContact(k, want!) === normalizeRecoveryContact(k, got!);
  });
  if (matched.length !== named.length) return { ok: false, reason: "contacts-mismatch", matched };
  const enough =
    profile === "mobile-and-email"
      ? matched.includes("mobile") && matched.includes("email")
      : matched.length >= 2;
  if (!enough) return { ok: false, reason: "too-few-contacts", matched };
  return { ok: true, matched, linkChannel: matched.includes("pec") ? "pec" : "email" };
}

export function isRecoveryContactsProfile(name: string): name is RecoveryContactsProfile {
  return (RECOVERY_CONTACT_PROFILES as readonly string[]).includes(name);
}
