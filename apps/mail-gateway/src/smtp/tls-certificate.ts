// The certificate STARTTLS offers: the one configured (SMTP_TLS_CERT and SMTP_TLS_KEY, PEM files), or else a
// self-signed one for the gateway's host name (a mock server; senders are told not to verify it). The self-signed one
// is made once per install and kept in node_modules/.cache: making it (and loading the X.509 library that makes it)
// was a quarter of a restart's CPU. A cache that cannot be read or written (a read-only install) only costs that again.
import { X509Certificate } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface TlsCertificate {
  key: string;
  cert: string;
  /** "configured", "self-signed" (made now) or "cached" (self-signed, made by an earlier start), for the start-up log. */
  source: "configured" | "self-signed" | "cached";
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A cached certificate is replaced once it has less than this left (it is made valid for a year). */
const RENEW_BEFORE_MS = 30 * DAY_MS;

export const defaultCertificateCache = fileURLToPath(
  new URL("../../../../node_modules/.cache/inps-sim/smtp-tls", import.meta.url),
);

const generated = new Map<string, Promise<TlsCertificate>>();

/** The cached certificate for this host name, unless missing, unreadable, for another name or about to expire. */
function readCached(file: string, hostname: string, now: number): TlsCertificate | undefined {
  try {
    const { key, cert } = JSON.parse(readFileSync(file, "utf8")) as { key?: unknown; cert?: unknown };
    if (typeof key !== "string" || typeof cert !== "string") return undefined;
    const x509 = new X509Certificate(cert);
    if (x509.checkHost(hostname) === undefined) return undefined;
    if (Date.parse(x509.validTo) - now < RENEW_BEFORE_MS) return undefined;
    return { key, cert, source: "cached" };
  } catch {
    return undefined;
  }
}

function writeCached(file: string, dir: string, certificate: TlsCertificate): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a process starting at the same time never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key: certificate.key, cert: certificate.cert }) + "\n", {
      mode: 0o600,
    });
    renameSync(tmp, file);
  } catch {
    // A read-only install: the next start makes one again.
  }
}

/** One self-signed certificate per host name and process, read from the cache or made (and cached). */
function selfSigned(hostname: string, cacheDir: string | undefined): Promise<TlsCertificate> {
  const key = `${cacheDir ?? ""}\0${hostname}`;
  let certificate = generated.get(key);
  if (!certificate) {
    certificate = (async () => {
      const file = cacheDir ? join(cacheDir, `${hostname}.json`) : undefined;
      const cached = file ? readCached(file, hostname, Date.now()) : undefined;
      if (cached) return cached;
      // The X.509 library loads only when a certificate is made.
      const { generateSelfSigned } = await import("./self-signed.ts");
      const made = await generateSelfSigned(hostname);
      if (file && cacheDir) writeCached(file, cacheDir, made);
      return made;
    })();
    generated.set(key, certificate);
  }
  return certificate;
}

export async function tlsCertificate(
  hostname: string,
  files: { certFile?: string | undefined; keyFile?: string | undefined },
  /** Where the self-signed certificate is kept between starts; null: made anew in each process. */
  cacheDir: string | null = defaultCertificateCache,
): Promise<TlsCertificate> {
  if (files.certFile && files.keyFile) {
    return {
      cert: readFileSync(files.certFile, "utf8"),
      key: readFileSync(files.keyFile, "utf8"),
      source: "configured",
    };
  }
  return selfSigned(hostname, cacheDir ?? undefined);
}
