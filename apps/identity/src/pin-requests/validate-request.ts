// R01: everything a request says is checked before anything is created; every problem names its field.
import {
  fiscalCodeMismatches,
  isPecAddress,
  isValidEmail,
  normalizeEmail,
  normalizeItalianMobile,
  normalizeHealthCardNumber,
  parseCalendarDate,
  validateFiscalCode,
  validateHealthCard,
  type HealthCard,
} from "@inps-sim/domain";
import { validationFailed, type FieldError } from "@inps-sim/service-kit";
import type { DeliveryProfile, DigitalChannel } from "../context.ts";
import type { Residence } from "../db/schema.ts";

export interface PersonInput {
  fiscalCode: string;
  firstName: string;
  lastName: string;
  gender: "M" | "F";
  birthDate: string;
  birthPlace?: string | undefined;
  residence?: Residence | undefined;
  contacts: { email?: string | undefined; pec?: string | undefined; mobile?: string | undefined };
  healthCard?: HealthCard | undefined;
}

export interface ValidPerson {
  fiscalCode: string;
  firstName: string;
  lastName: string;
  gender: "M" | "F";
  birthDate: string;
  birthPlace: string | null;
  residence: Residence | null;
  email: string | null;
  pec: string | null;
  /** E.164 */
  mobile: string | null;
  healthCard: HealthCard | null;
}

/** Checks personal data, contacts and card; collects every problem into `errors` and returns the normalised person. */
export function checkPerson(input: PersonInput, now: Date, errors: FieldError[]): ValidPerson {
  const fc = validateFiscalCode(input.fiscalCode);
  const fiscalCode = fc.ok ? fc.code : input.fiscalCode.trim().toUpperCase();
  if (!fc.ok) {
    errors.push({ path: "fiscalCode", message: fc.reason });
  } else {
    errors.push(
      ...fiscalCodeMismatches(fiscalCode, {
        firstName: input.firstName,
        lastName: input.lastName,
        gender: input.gender,
        birthDate: input.birthDate,
        ...(input.birthPlace ? { birthPlace: input.birthPlace } : {}),
      }),
    );
  }
  const birth = parseCalendarDate(input.birthDate);
  if (birth && input.birthDate > now.toISOString().slice(0, 10)) {
    errors.push({ path: "birthDate", message: "Data di nascita: la data di nascita è nel futuro" });
  }

  const { email, pec, mobile } = input.contacts;
  let normalizedMobile: string | null = null;
  if (email !== undefined && !isValidEmail(normalizeEmail(email)))
    errors.push({ path: "contacts.email", message: "Indirizzo email: non è un indirizzo email valido" });
  if (pec !== undefined && !isPecAddress(pec))
    errors.push({
      path: "contacts.pec",
      message: "Indirizzo PEC: non è l'indirizzo di un gestore di posta elettronica certificata",
    });
  if (mobile !== undefined) {
    const m = normalizeItalianMobile(mobile);
    if (m.ok) normalizedMobile = m.e164;
    else errors.push({ path: "contacts.mobile", message: m.reason });
  }
  if (!email && !pec && !mobile) {
    errors.push({
      path: "contacts",
      message:
        "Recapiti: indichi almeno un recapito (email, PEC o cellulare): una parte del PIN viaggia così",
    });
  }

  let healthCard: HealthCard | null = null;
  if (input.healthCard) {
    const problems = validateHealthCard(input.healthCard, now);
    errors.push(...problems);
    if (problems.length === 0) {
      healthCard = {
        number: normalizeHealthCardNumber(input.healthCard.number),
        expiryDate: input.healthCard.expiryDate.trim(),
      };
    }
  }

  return {
    fiscalCode,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    gender: input.gender,
    birthDate: input.birthDate,
    birthPlace: input.birthPlace?.trim() || null,
    residence: input.residence ?? null,
    email: email ? normalizeEmail(email) : null,
    pec: pec ? normalizeEmail(pec) : null,
    mobile: normalizedMobile,
    healthCard,
  };
}

export interface PinRequestInput extends PersonInput {
  residence: Residence;
  deliveryProfile?: DeliveryProfile | undefined;
  firstHalfChannel?: DigitalChannel | undefined;
}

export interface ValidPinRequest {
  person: ValidPerson;
  deliveryProfile: DeliveryProfile;
  /** The digital channel: the first half's for digital-then-post, the second half's for post-then-activate. */
  channel: DigitalChannel;
}

const contactOf = (p: ValidPerson, c: DigitalChannel) =>
  c === "sms" ? p.mobile : c === "pec" ? p.pec : p.email;

export function validatePinRequest(
  input: PinRequestInput,
  now: Date,
  defaults: { profile: DeliveryProfile; channel: DigitalChannel },
): ValidPinRequest {
  const errors: FieldError[] = [];
  const person = checkPerson(input, now, errors);
  const deliveryProfile = input.deliveryProfile ?? defaults.profile;
  if (deliveryProfile === "post-then-activate" && !input.healthCard) {
    errors.push({
      path: "healthCard",
      message:
        "Tessera sanitaria: il profilo post-then-activate la richiede, perché l'attivazione si verifica con i suoi dati",
    });
  }
  let channel: DigitalChannel = input.firstHalfChannel ?? defaults.channel;
  if (input.firstHalfChannel) {
    if (!input.contacts[input.firstHalfChannel === "sms" ? "mobile" : input.firstHalfChannel]) {
      errors.push({
        path: "firstHalfChannel",
        message: `Canale della prima parte del PIN: manca il recapito ${input.firstHalfChannel === "sms" ? "del cellulare" : input.firstHalfChannel === "pec" ? "PEC" : "email"} per questo canale`,
      });
    }
  } else if (!contactOf(person, channel)) {
    // The configured default is not available for this citizen: the first contact they did give.
    channel = (["email", "pec", "sms"] as const).find((c) => contactOf(person, c)) ?? channel;
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { person, deliveryProfile, channel };
}
