// Where a message for a citizen goes, and how that destination is shown masked.
import { maskEmail, maskMobile } from "@inps-sim/domain";
import type { DigitalChannel } from "../context.ts";
import type { DigitalDestination, Recipient } from "../texts/messages-it.ts";
import type { CitizenRow } from "./store.ts";

export function digitalDestination(
  citizen: CitizenRow,
  channel: DigitalChannel,
): DigitalDestination | undefined {
  if (channel === "sms") return citizen.mobile ? { channel: "sms", mobile: citizen.mobile } : undefined;
  const address = channel === "pec" ? citizen.pec : citizen.email;
  return address ? { channel, address } : undefined;
}

export function maskDestination(dest: DigitalDestination): string {
  return dest.channel === "sms" ? maskMobile(dest.mobile) : maskEmail(dest.address);
}

/** The registered email (or PEC), else the mobile: where a verification code or a notice goes (R11). */
export function personalDestination(citizen: CitizenRow): DigitalDestination | undefined {
  return (
    digitalDestination(citizen, "email") ??
    digitalDestination(citizen, "pec") ??
    digitalDestination(citizen, "sms")
  );
}

export function recipientOf(citizen: CitizenRow): Recipient {
  return {
    firstName: citizen.firstName,
    lastName: citizen.lastName,
    gender: citizen.gender,
    residence: citizen.residence,
  };
}
