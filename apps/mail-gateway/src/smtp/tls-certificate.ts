// The certificate STARTTLS offers: the one configured (SMTP_TLS_CERT and SMTP_TLS_KEY, PEM files), or else a
// self-signed one made at start for the gateway's host name (a mock server; senders are told not to verify it).
import { readFileSync } from "node:fs";
import { generate } from "selfsigned";

export interface TlsCertificate {
  key: string;
  cert: string;
  /** "configured" or "self-signed", for the start-up log. */
  source: "configured" | "self-signed";
}

let generated: Promise<TlsCertificate> | null = null;

/** One self-signed certificate per process: EC P-256, so making it costs milliseconds, valid for a year. */
function selfSigned(hostname: string): Promise<TlsCertificate> {
  generated ??= (async () => {
    const notAfterDate = new Date();
    notAfterDate.setFullYear(notAfterDate.getFullYear() + 1);
    const pems = await generate([{ name: "commonName", value: hostname }], {
      keyType: "ec",
      curve: "P-256",
      algorithm: "sha256",
      notAfterDate,
      extensions: [
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: hostname },
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    });
    return { key: pems.private, cert: pems.cert, source: "self-signed" as const };
  })();
  return generated;
}

export async function tlsCertificate(
  hostname: string,
  files: { certFile?: string | undefined; keyFile?: string | undefined },
): Promise<TlsCertificate> {
  if (files.certFile && files.keyFile) {
    return {
      cert: readFileSync(files.certFile, "utf8"),
      key: readFileSync(files.keyFile, "utf8"),
      source: "configured",
    };
  }
  return selfSigned(hostname);
}
