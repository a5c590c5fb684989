// A letter's journey, planned at acceptance from Poste Italiane's published targets, in working days:
// posta ordinaria by the 4th working day; raccomandata 90% within 4 and 98% within 6; all within 10.
// The draw depends only on SIM_SEED and the letter's id, so a run repeats exactly whatever the order.
import { drawFor, romeDateOf, romeInstant, type IsoDate } from "@inps-sim/domain";
import { nthWorkingDayAfter } from "./calendar.ts";

export type PostalService = "ordinaria" | "raccomandata";

/** Poste Italiane's target: the date expectedDeliveryDate names. */
export const TARGET_WORKING_DAYS = 4;
export const MAX_WORKING_DAYS = 10;

/** Local times (Europe/Rome) on the day of delivery. */
export const OUT_FOR_DELIVERY_AT = { hour: 8, minute: 0 };
export const DELIVERED_AT = { hour: 10, minute: 30 };
/** The letter leaves the acceptance office this long after acceptance. */
export const IN_TRANSIT_AFTER_MS = 2 * 60 * 60 * 1000;

/** The working day of arrival for a draw `u` in [0, 1). */
export function workingDaysFor(service: PostalService, u: number): number {
  if (service === "ordinaria") return u < 0.3 ? 2 : u < 0.7 ? 3 : 4;
  if (u < 0.9) return 2 + Math.min(2, Math.floor((u / 0.9) * 3)); // 2, 3 or 4
  if (u < 0.98) return 5 + Math.min(1, Math.floor(((u - 0.9) / 0.08) * 2)); // 5 or 6
  return 7 + Math.min(3, Math.floor(((u - 0.98) / 0.02) * 4)); // 7 to 10
}

export interface Journey {
  workingDays: number;
  expectedDeliveryDate: IsoDate;
  inTransitAt: Date;
  outForDeliveryAt: Date;
  finalAt: Date;
}

export function planJourney(options: {
  seed: string;
  id: string;
  service: PostalService;
  acceptedAt: Date;
}): Journey {
  const accepted = romeDateOf(options.acceptedAt);
  const workingDays = workingDaysFor(options.service, drawFor(options.seed, options.id));
  const day = nthWorkingDayAfter(accepted, workingDays);
  return {
    workingDays,
    expectedDeliveryDate: nthWorkingDayAfter(accepted, TARGET_WORKING_DAYS),
    inTransitAt: new Date(options.acceptedAt.getTime() + IN_TRANSIT_AFTER_MS),
    outForDeliveryAt: romeInstant(day, OUT_FOR_DELIVERY_AT.hour, OUT_FOR_DELIVERY_AT.minute),
    finalAt: romeInstant(day, DELIVERED_AT.hour, DELIVERED_AT.minute),
  };
}
