// The provider's S/MIME signature (RFC 8551 multipart/signed, a detached PKCS#7 smime.p7s), as the technical rules
// ask of every receipt and envelope a PEC provider issues. The certificate is simulated: made at start for the
// provider, or read from PEC_SIGNING_CERT / PEC_SIGNING_KEY so that a client can be given it to trust.
import {
  createPrivateKey,
  generateKeyPairSync,
  privateEncrypt,
  constants,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import forge from "node-forge";

export interface SigningMaterial {
  certificatePem: string;
  privateKeyPem: string;
}

export interface PecSigner {
  /** The provider's certificate (PEM), the one inside every smime.p7s. */
  readonly certificatePem: string;
  /** A composed message (headers and body, CRLF) turned into the same message signed: multipart/signed with smime.p7s. */
  sign(message: Buffer, at: Date): Buffer;
}

/** DER prefix of a SHA-256 DigestInfo (RFC 8017, section 9.2), which RSASSA-PKCS1-v1_5 signs. */
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

/**
 * forge builds the PKCS#7 structure; the RSA operation itself is Node's (OpenSSL), some fifty times faster than
 * forge's JavaScript, which matters when every receipt and envelope is signed.
 */
function nodeRsaKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  return {
    sign(md: forge.md.MessageDigest) {
      const digest = Buffer.from(md.digest().getBytes(), "binary");
      const signature = privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
      return signature.toString("binary");
    },
  } as unknown as forge.pki.rsa.PrivateKey;
}

/** A self-signed certificate for the provider: RSA 2048, valid over the whole range of the simulated clock. */
export function simulatedProviderCertificate(provider: string, domain: string): SigningMaterial {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey);
  // A positive serial: the leading 01 keeps the top bit clear.
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date("1970-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2200-12-31T23:59:59Z");
  const name = [
    { name: "commonName", value: `${provider} (simulato)` },
    { name: "organizationName", value: provider },
    { name: "countryName", value: "IT" },
    { name: "emailAddress", value: `posta-certificata@${domain}` },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
    { name: "extKeyUsage", emailProtection: true },
    { name: "subjectAltName", altNames: [{ type: 1, value: `posta-certificata@${domain}` }] },
  ]);
  cert.sign(nodeRsaKey(createPrivateKey(keys.privateKey)), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: keys.privateKey };
}

/** A detached PKCS#7 (CMS) signature of `content`, with the signing time of the simulated clock. */
function detachedSignature(
  content: Buffer,
  cert: forge.pki.Certificate,
  key: forge.pki.rsa.PrivateKey,
  at: Date,
): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString("binary"));
  p7.addCertificate(cert);
  p7.addSigner({
    key,
    certificate: cert,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
      // forge types the value as a string; it writes a Date as UTCTime or GeneralizedTime by year.
      { type: forge.pki.oids.signingTime!, value: at as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
}

const CRLF = "\r\n";

/** Base64 in lines of 76, as MIME wants. */
function base64Lines(data: Buffer): string {
  return (data.toString("base64").match(/.{1,76}/g) ?? []).join(CRLF);
}

/** The header block split into fields, each with its continuation lines. */
function headerFields(block: string): string[] {
  const fields: string[] = [];
  for (const line of block.split(CRLF)) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += CRLF + line;
    else fields.push(line);
  }
  return fields;
}

export function createPecSigner(material: SigningMaterial): PecSigner {
  const cert = forge.pki.certificateFromPem(material.certificatePem);
  const key = nodeRsaKey(createPrivateKey(material.privateKeyPem));
  return {
    certificatePem: material.certificatePem,
    sign(message, at) {
      const end = message.indexOf(`${CRLF}${CRLF}`);
      if (end < 0) throw new Error("a message to sign needs a header and a body");
      const fields = headerFields(message.subarray(0, end).toString("latin1"));
      const isContent = (f: string) => /^content-/i.test(f);
      // What the signature covers: the body's own MIME headers and the body, byte for byte.
      const inner = Buffer.concat([
        Buffer.from(fields.filter(isContent).join(CRLF) + CRLF + CRLF, "latin1"),
        message.subarray(end + 4),
      ]);
      const boundary = `----=_smime_${randomBytes(12).toString("hex")}`;
      const outer = fields.filter((f) => !isContent(f) && !/^mime-version:/i.test(f));
      const head = [
        ...outer,
        "MIME-Version: 1.0",
        `Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg="sha-256";${CRLF} boundary="${boundary}"`,
        "",
        "This is an S/MIME signed message",
        "",
        `--${boundary}`,
        "",
      ].join(CRLF);
      const tail = [
        "",
        `--${boundary}`,
        'Content-Type: application/pkcs7-signature; name="smime.p7s"',
        "Content-Transfer-Encoding: base64",
        'Content-Disposition: attachment; filename="smime.p7s"',
        "",
        base64Lines(detachedSignature(inner, cert, key, at)),
        `--${boundary}--`,
        "",
      ].join(CRLF);
      return Buffer.concat([Buffer.from(head, "latin1"), inner, Buffer.from(tail, "latin1")]);
    },
  };
}
