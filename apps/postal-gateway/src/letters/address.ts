// Can a letter reach this address? A malformed CAP, an unknown province, a CAP outside the province's
// range, or an address configured as unknown all send the letter back to the sender.
import { CAP_PREFIXES, postalCodeBelongsTo } from "./provinces.ts";

export interface Address {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  province: string;
}

export type ReturnReason =
  "invalid-postal-code" | "unknown-province" | "postal-code-not-in-province" | "unknown-address";

export const RETURN_REASONS: Record<ReturnReason, string> = {
  "invalid-postal-code": "CAP errato: non è un codice di cinque cifre",
  "unknown-province": "Provincia inesistente",
  "postal-code-not-in-province": "CAP non appartenente alla provincia indicata",
  "unknown-address": "Destinatario sconosciuto all'indirizzo indicato",
};

/** An entry of POSTAL_UNKNOWN_ADDRESSES: a street (prefix, any case) and optionally a CAP. */
export interface UnknownAddress {
  street: string;
  postalCode?: string | undefined;
}

const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s,.]+/g, " ")
    .trim();

/** Parses "Via Inesistente;Via Roma 1@00100": entries split by `;`, `@` adds a CAP. */
export function parseUnknownAddresses(spec: string): UnknownAddress[] {
  return spec
    .split(";")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const [street = "", postalCode] = entry.split("@").map((s) => s.trim());
      return { street: squash(street), postalCode: postalCode || undefined };
    });
}

export function checkAddress(address: Address, unknown: UnknownAddress[]): ReturnReason | null {
  const postalCode = address.postalCode.trim();
  const province = address.province.trim().toUpperCase();
  if (!/^\d{5}$/.test(postalCode)) return "invalid-postal-code";
  if (!(province in CAP_PREFIXES)) return "unknown-province";
  if (!postalCodeBelongsTo(postalCode, province)) return "postal-code-not-in-province";
  const street = squash(address.street);
  const listed = unknown.some(
    (u) =>
      (u.street === "" || street.startsWith(u.street)) &&
      (u.postalCode === undefined || u.postalCode === postalCode),
  );
  return listed ? "unknown-address" : null;
}

/** The words of a name, lower-cased and sorted: "Rossi Mario" and "MARIO rossi" give the same key. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "")
    .sort()
    .join(" ");
}
