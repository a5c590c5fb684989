// Italian mobile numbers for SMS (R18): normalised to E.164 and told apart from landlines by the full
// libphonenumber metadata, since an SMS to a landline never arrives.

import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type MobileProblem = "not-a-number" | "not-italian" | "not-mobile";

export type MobileNormalization =
  { ok: true; e164: string } | { ok: false; reason: string; problem: MobileProblem };

/** Accepts "347 123 4567", "+39 347-1234567", "0039 3471234567"; answers "+393471234567". */
export function normalizeItalianMobile(input: string): MobileNormalization {
  const parsed = parsePhoneNumberFromString(input.trim(), "IT");
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      problem: "not-a-number",
      reason: "il numero di cellulare non è un numero di telefono valido",
    };
  }
  if (parsed.country !== "IT") {
    return {
      ok: false,
      problem: "not-italian",
      reason: "solo un cellulare italiano (+39 3…) può ricevere il PIN per SMS",
    };
  }
  if (parsed.getType() !== "MOBILE") {
    return {
      ok: false,
      problem: "not-mobile",
      reason: "il numero indicato non è un cellulare: un SMS non può raggiungerlo",
    };
  }
  return { ok: true, e164: parsed.number };
}
