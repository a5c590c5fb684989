// The "numero di identificazione della tessera" printed on the back of the tessera sanitaria (TEAM field 8).
//
// 20 digits (the EHIC specification: 10 identifying the issuer, 10 the card's serial). The issuer part is
// "80" (healthcare, ISO/IEC 7812-1) + "380" (Italy, ISO 3166-1 numeric) + "00" + the three-digit code of
// the region that issued the card, from the Ministry of Health's table of regions (010 Piemonte … 200
// Sardegna, 041 and 042 for the autonomous provinces). No public source states a check digit, so none is
// required (see "Health card" in docs/fiscal-code.md).

import { randomInt, randomString, type RandomSource } from "../random.ts";

export const HEALTH_CARD_NUMBER_LENGTH = 20;
/** 80 = healthcare (ISO/IEC 7812-1), 380 = Italy (ISO 3166-1 numeric). */
export const ITALIAN_HEALTH_CARD_PREFIX = "80380";
/** The two digits between the country prefix and the region code. */
const ISSUER_FILLER = "00";

/** The Ministry of Health's region codes (codici regione), as the digits 8–10 of the card number carry them. */
export const HEALTH_CARD_REGIONS: Readonly<Record<string, string>> = {
  "010": "Piemonte",
  "020": "Valle d'Aosta",
  "030": "Lombardia",
  "041": "Provincia autonoma di Bolzano",
  "042": "Provincia autonoma di Trento",
  "050": "Veneto",
  "060": "Friuli-Venezia Giulia",
  "070": "Liguria",
  "080": "Emilia-Romagna",
  "090": "Toscana",
  "100": "Umbria",
  "110": "Marche",
  "120": "Lazio",
  "130": "Abruzzo",
  "140": "Molise",
  "150": "Campania",
  "160": "Puglia",
  "170": "Basilicata",
  "180": "Calabria",
  "190": "Sicilia",
  "200": "Sardegna",
};

/** Digits only: people copy the number with the spaces the card prints between groups. */
export function normalizeHealthCardNumber(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

export type HealthCardNumberProblem = "length" | "digits" | "prefix" | "region";

/** The region that issued a card of this number, or null when the digits after 80380 name none. */
export function healthCardRegion(input: string): string | null {
  const n = normalizeHealthCardNumber(input);
  if (!n.startsWith(ITALIAN_HEALTH_CARD_PREFIX + ISSUER_FILLER)) return null;
  return HEALTH_CARD_REGIONS[n.slice(7, 10)] ?? null;
}

/** Null when the number has the published shape of an Italian card; otherwise what is wrong with it. */
export function healthCardNumberProblem(
  input: string,
): { problem: HealthCardNumberProblem; message: string } | null {
  const n = normalizeHealthCardNumber(input);
  if (!/^\d*$/.test(n))
    return { problem: "digits", message: "il numero della tessera sanitaria contiene solo cifre" };
  if (n.length !== HEALTH_CARD_NUMBER_LENGTH) {
    return {
      problem: "length",
      message: `il numero della tessera sanitaria ha ${HEALTH_CARD_NUMBER_LENGTH} cifre, questo ne ha ${n.length}`,
    };
  }
  if (!n.startsWith(ITALIAN_HEALTH_CARD_PREFIX)) {
    return {
      problem: "prefix",
      message: `il numero di una tessera sanitaria italiana comincia con ${ITALIAN_HEALTH_CARD_PREFIX}`,
    };
  }
  if (!healthCardRegion(n)) {
    return {
      problem: "region",
      message: `nel numero della tessera sanitaria, dopo ${ITALIAN_HEALTH_CARD_PREFIX} vengono 00 e il codice della regione che l'ha emessa (010–200)`,
    };
  }
  return null;
}

/** A number of the published shape: 80380, 00, a region code (drawn unless given), ten serial digits. */
export function generateHealthCardNumber(random: RandomSource, regionCode?: string): string {
  const regions = Object.keys(HEALTH_CARD_REGIONS);
  const region = regionCode ?? regions[randomInt(random, regions.length)]!;
  if (!HEALTH_CARD_REGIONS[region]) throw new RangeError(`no health-card region ${region}`);
  return ITALIAN_HEALTH_CARD_PREFIX + ISSUER_FILLER + region + randomString(random, "0123456789", 10);
}
