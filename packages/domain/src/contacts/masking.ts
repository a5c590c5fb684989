// Destinations shown masked ("we sent a code to m***o@example.it"): enough to recognise, not to harvest.

import { normalizeItalianMobile } from "./mobile.ts";

/** "mario.rossi@example.it" → "m***i@example.it"; a one- or two-letter mailbox keeps only its first letter. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return "***";
  const local = email.slice(0, at);
  const masked = local.length <= 2 ? `${local.slice(0, 1)}***` : `${local[0]}***${local[local.length - 1]}`;
  return `${masked}@${email.slice(at + 1)}`;
}

/** "+393471234567" → "+39 3** *** **67": the operator's first digit and the last two stay visible. */
export function maskMobile(mobile: string): string {
  const normalized = normalizeItalianMobile(mobile);
  const digits = normalized.ok ? normalized.e164.slice(3) : mobile.replace(/\D/g, "");
  if (digits.length < 4) return "***";
  const hidden = `${digits[0]}${"*".repeat(digits.length - 3)}${digits.slice(-2)}`;
  // Group as Italians write a mobile number: 3 + 3 + 4.
  const grouped =
    hidden.length === 10 ? `${hidden.slice(0, 3)} ${hidden.slice(3, 6)} ${hidden.slice(6)}` : hidden;
  return normalized.ok ? `+39 ${grouped}` : grouped;
}
