// A tessera sanitaria as the citizen types it for activation (R04) and revocation (R23): number and expiry.

import { randomInt, type RandomSource } from "../random.ts";
import {
  calendarDateOf,
  compareCalendarDates,
  formatCalendarDate,
  parseCalendarDate,
} from "../time/calendar-date.ts";
import { addDays } from "../time/duration.ts";
import {
  generateHealthCardNumber,
  healthCardNumberProblem,
  normalizeHealthCardNumber,
} from "./card-number.ts";

export interface HealthCard {
  number: string;
  /** YYYY-MM-DD, the "data di scadenza" on the front of the card. */
  expiryDate: string;
}

export interface HealthCardProblem {
  path: string;
  message: string;
}

/**
 * Every problem with a card at `now`: the number's shape, and an expiry that is a real date not before
 * today. A card is valid through its expiry day, counted on the UTC calendar as the simulated clock is.
 */
export function validateHealthCard(
  card: HealthCard,
  now: Date,
  pathPrefix = "healthCard",
): HealthCardProblem[] {
  const at = (field: string) => (pathPrefix ? `${pathPrefix}.${field}` : field);
  const problems: HealthCardProblem[] = [];
  const numberProblem = healthCardNumberProblem(card.number);
  if (numberProblem) problems.push({ path: at("number"), message: numberProblem.message });
  const expiry = parseCalendarDate(card.expiryDate);
  if (!expiry) {
    problems.push({
      path: at("expiryDate"),
      message: "la data di scadenza della tessera sanitaria non è una data esistente nella forma AAAA-MM-GG",
    });
  } else if (compareCalendarDates(expiry, calendarDateOf(now)) < 0) {
    problems.push({ path: at("expiryDate"), message: "la tessera sanitaria è scaduta" });
  }
  return problems;
}

/** Whether two cards are the same card: the same digits and the same expiry date. */
export function sameHealthCard(a: HealthCard, b: HealthCard): boolean {
  return (
    normalizeHealthCardNumber(a.number) === normalizeHealthCardNumber(b.number) &&
    a.expiryDate.trim() === b.expiryDate.trim()
  );
}

/** A card for a persona: issued some time in the last six years, so valid at `now` for up to six more. */
export function randomHealthCard(random: RandomSource, now: Date): HealthCard {
  // Cards last six years; drawing the remaining life in days keeps every one valid today.
  const remainingDays = 1 + randomInt(random, 6 * 365);
  const expiry = addDays(now, remainingDays);
  return { number: generateHealthCardNumber(random), expiryDate: formatCalendarDate(calendarDateOf(expiry)) };
}
