// Which numbers can receive an SMS: E.164 mobiles. Landlines and malformed numbers end `failed`.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type NumberVerdict =
  | { deliverable: true; country: string | undefined; type: string | undefined }
  | {
      deliverable: false;
      reason: "malformed-number" | "invalid-number" | "landline" | "not-a-mobile";
      detail: string;
    };

const E164 = /^\+[1-9]\d{1,14}$/;

/** Types that can receive an SMS; FIXED_LINE_OR_MOBILE covers plans (US, CA) that do not tell them apart. */
const SMS_CAPABLE = new Set(["MOBILE", "FIXED_LINE_OR_MOBILE"]);

// Parsing against the full metadata costs more than the rest of a request; a gateway sees the same numbers again.
const known = new Map<string, NumberVerdict>();

export function classifyNumber(to: string): NumberVerdict {
  let verdict = known.get(to);
  if (verdict === undefined) {
    if (known.size >= 10_000) known.clear();
    verdict = classify(to);
    known.set(to, verdict);
  }
  return verdict;
}

function classify(to: string): NumberVerdict {
  if (!E164.test(to)) {
    return {
      deliverable: false,
      reason: "malformed-number",
      detail: "not an E.164 number: a + then up to 15 digits, no spaces (e.g. +393331234567)",
    };
  }
  const parsed = parsePhoneNumberFromString(to);
  if (!parsed || !parsed.isValid()) {
    return {
      deliverable: false,
      reason: "invalid-number",
      detail: "no such number in the numbering plan of its country",
    };
  }
  const type = parsed.getType();
  if (type === "FIXED_LINE") {
    return { deliverable: false, reason: "landline", detail: "a fixed-line number cannot receive SMS" };
  }
  if (type !== undefined && !SMS_CAPABLE.has(type)) {
    return {
      deliverable: false,
      reason: "not-a-mobile",
      detail: `a ${type.toLowerCase().replaceAll("_", " ")} number cannot receive SMS`,
    };
  }
  return { deliverable: true, country: parsed.country, type };
}
