// Email and PEC addresses: the channels of the first PIN half (R03), recovery (R16) and codes (R11).

/** Based on the WHATWG "valid e-mail address", plus a dotted domain and the RFC 5321 length limits. */
const EMAIL =
  /^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)$/;

export function isValidEmail(s: string): boolean {
  const at = s.lastIndexOf("@");
  return s.length <= 254 && at > 0 && at <= 64 && EMAIL.test(s);
}

/** Trimmed, with the domain in lowercase (the local part is the mailbox owner's business). */
export function normalizeEmail(s: string): string {
  const trimmed = s.trim();
  const at = trimmed.lastIndexOf("@");
  return at < 0 ? trimmed : trimmed.slice(0, at) + "@" + trimmed.slice(at + 1).toLowerCase();
}

/**
 * Domains of certified-email (PEC) providers: Aruba (pec.it, arubapec.it), InfoCert (legalmail.it),
 * Poste Italiane (postecert.it), Namirial (sicurezzapostale.it), postacert.it, and INPS's own.
 */
export const DEFAULT_PEC_DOMAINS: readonly string[] = [
  "pec.it",
  "arubapec.it",
  "legalmail.it",
  "postecert.it",
  "postacert.it",
  "sicurezzapostale.it",
  "pec.inps.gov.it",
];

/** Whether the address is under a certified domain or one of its subdomains (cert.legalmail.it). */
export function isPecAddress(
  email: string,
  certifiedDomains: readonly string[] = DEFAULT_PEC_DOMAINS,
): boolean {
  const normalized = normalizeEmail(email);
  if (!isValidEmail(normalized)) return false;
  const domain = normalized.slice(normalized.lastIndexOf("@") + 1);
  return certifiedDomains.some((d) => {
    const certified = d.trim().toLowerCase();
    return domain === certified || domain.endsWith(`.${certified}`);
  });
}
