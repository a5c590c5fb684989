// A self-signed certificate for the SMTP server's STARTTLS (see tls-certificate.ts, which loads this on demand).
import { generate } from "selfsigned";
import type { TlsCertificate } from "./tls-certificate.ts";

/** EC P-256, so making it costs milliseconds (the library's loading costs more), valid for a year. */
export async function generateSelfSigned(hostname: string): Promise<TlsCertificate> {
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
  return { key: pems.private, cert: pems.cert, source: "self-signed" };
}
