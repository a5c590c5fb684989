// R25: a contact is checked as "Richiedi PIN" checks it (libphonenumber-js for mobiles, the PEC domain list),
// shown masked, and turned into the destination a message to it takes.
import {
  isPecAddress,
  isValidEmail,
  maskEmail,
  maskMobile,
  normalizeEmail,
  normalizeItalianMobile,
} from "@inps-sim/domain";
import { validationFailed } from "@inps-sim/service-kit";
import type { CitizenRow } from "../credentials/store.ts";
import type { ContactField, DigitalDestination } from "../texts/messages-it.ts";

export const CONTACT_FIELDS = ["email", "pec", "mobile"] as const satisfies readonly ContactField[];

export interface ContactsView {
  email: string | null;
  pec: string | null;
  mobile: string | null;
}

/** The stored form of a new contact (email domain in lower case, mobile in E.164), or 400 naming the field. */
export function normalizeContact(field: ContactField, value: string, path: string = field): string {
  if (field === "mobile") {
    const m = normalizeItalianMobile(value);
    if (!m.ok) throw validationFailed([{ path, message: m.reason }]);
    return m.e164;
  }
  const address = normalizeEmail(value);
  if (field === "pec" && !isPecAddress(address)) {
    throw validationFailed([{ path, message: "not the address of a certified-email (PEC) provider" }]);
  }
  if (field === "email" && !isValidEmail(address))
    throw validationFailed([{ path, message: "not a valid email address" }]);
  return address;
}

export function destinationOf(field: ContactField, value: string): DigitalDestination {
  return field === "mobile" ? { channel: "sms", mobile: value } : { channel: field, address: value };
}

export function maskedContacts(citizen: Pick<CitizenRow, ContactField>): ContactsView {
  return {
    email: citizen.email ? maskEmail(citizen.email) : null,
    pec: citizen.pec ? maskEmail(citizen.pec) : null,
    mobile: citizen.mobile ? maskMobile(citizen.mobile) : null,
  };
}

/** The first contact (email, PEC, mobile) the citizen would still have: where a removal's code and notices go. */
export function firstContactExcept(
  citizen: Pick<CitizenRow, ContactField>,
  except: ContactField,
): DigitalDestination | undefined {
  for (const f of CONTACT_FIELDS) {
    const value = citizen[f];
    if (f !== except && value) return destinationOf(f, value);
  }
  return undefined;
}
