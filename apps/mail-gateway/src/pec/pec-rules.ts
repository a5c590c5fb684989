// Which addresses are PEC mailboxes, and which of those the simulator treats as non-existent.

export interface PecSettings {
  domains: string[];
  unknownMailboxes: string[];
  deliveryDelayMs: number;
  provider: string;
  /**
   * The S/MIME signature of receipts and envelopes (on unless `enabled` is false), with a certificate made for the
   * provider when first needed, or read from these PEM files.
   */
  signature?:
    { enabled: boolean; certificateFile?: string | undefined; keyFile?: string | undefined } | undefined;
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/** An address under a certified domain or one of its subdomains (e.g. mario.rossi@pec.it, x@cert.legalmail.it). */
export function isCertified(address: string, settings: PecSettings): boolean {
  if (!address.includes("@")) return false;
  const domain = domainOf(address);
  return settings.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export function isUnknownMailbox(address: string, settings: PecSettings): boolean {
  return settings.unknownMailboxes.includes(address.toLowerCase());
}
