// Italian mobile numbers for SMS (R18): normalised to E.164 and told apart from landlines by the full
// libphonenumber metadata, since an SMS to a landline never arrives.

import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type MobileProblem = "not-a-number" | "not-italian" | "not-mobile";

export type MobileNormalization = { ok: true; e164: string } | { ok: false; reason: string; problem: MobileProblem };

/** Accepts "347 123 4567", "+39 347-1234567", "0039 3471234567"; answers "+393471234567". */
export function normalizeItalianMobile(input: string): MobileNormalization {
  const parsed = parsePhoneNumberFromString(input.trim(), "IT");
  if (!parsed || !parsed.isValid()) {
    return { ok: false, problem: "not-a-number", reason: "not a valid phone number" };
  }
  if (parsed.country !== "IT") {
    return { ok: false, problem: "not-italian", reason: "only Italian mobile numbers (+39 3…) can receive the PIN by SMS" };
  }
  if (parsed.getType() !== "MOBILE") {
    return { ok: false, problem: "not-mobile", reason: "this is not a mobile number: an SMS cannot reach it" };
  }
  return { ok: true, e164: parsed.number };
}
