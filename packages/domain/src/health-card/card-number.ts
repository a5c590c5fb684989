// The "numero di identificazione della tessera" printed on the back of the tessera sanitaria (TEAM field 8).
//
// What is published: 20 digits (the EHIC specification: 10 identifying the issuer, 10 the card's serial);
// a health-card issuer number begins with "80" (healthcare) followed by the ISO 3166-1 numeric country code
// (ISO/IEC 7812-1), 380 for Italy. What follows 80380 is "at the discretion of the national authority":
// no public source states a check digit for Italian cards, so none is required (see "Health card" in docs/fiscal-code.md).

import { randomString, type RandomSource } from "../random.ts";

export const HEALTH_CARD_NUMBER_LENGTH = 20;
/** 80 = healthcare (ISO/IEC 7812-1), 380 = Italy (ISO 3166-1 numeric). */
export const ITALIAN_HEALTH_CARD_PREFIX = "80380";

/** Digits only: people copy the number with the spaces the card prints between groups. */
export function normalizeHealthCardNumber(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

export type HealthCardNumberProblem = "length" | "digits" | "prefix";

/** Null when the number has the published shape of an Italian card; otherwise what is wrong with it. */
export function healthCardNumberProblem(input: string): { problem: HealthCardNumberProblem; message: string } | null {
  const n = normalizeHealthCardNumber(input);
  if (!/^\d*$/.test(n)) return { problem: "digits", message: "il numero della tessera sanitaria contiene solo cifre" };
  if (n.length !== HEALTH_CARD_NUMBER_LENGTH) {
    return { problem: "length", message: `il numero della tessera sanitaria ha ${HEALTH_CARD_NUMBER_LENGTH} cifre, questo ne ha ${n.length}` };
  }
  if (!n.startsWith(ITALIAN_HEALTH_CARD_PREFIX)) {
    return { problem: "prefix", message: `il numero di una tessera sanitaria italiana comincia con ${ITALIAN_HEALTH_CARD_PREFIX}` };
  }
  return null;
}

/** A number of the published shape: 80380, five issuer digits, ten serial digits. */
export function generateHealthCardNumber(random: RandomSource): string {
  return ITALIAN_HEALTH_CARD_PREFIX + randomString(random, "0123456789", HEALTH_CARD_NUMBER_LENGTH - ITALIAN_HEALTH_CARD_PREFIX.length);
}
