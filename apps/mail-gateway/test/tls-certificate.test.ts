// The self-signed STARTTLS certificate is made once and kept between starts: a restart offers the same one, without
// making it again, until it is about to expire.
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";
import { describe, expect, it } from "vitest";
import { tlsCertificate } from "../src/smtp/tls-certificate.ts";

const cacheDir = () => mkdtempSync(join(tmpdir(), "mail-tls-cache-"));

describe("the self-signed STARTTLS certificate", () => {
  it("is made by the first start for the gateway's host name and kept for the next", async () => {
    const dir = cacheDir();
    const first = await tlsCertificate("posta.first.test", {}, dir);
    expect(first.source).toBe("self-signed");
    const x509 = new X509Certificate(first.cert);
    expect(x509.checkHost("posta.first.test")).toBe("posta.first.test");
    expect(x509.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(JSON.parse(readFileSync(join(dir, "posta.first.test.json"), "utf8"))).toEqual({
      key: first.key,
      cert: first.cert,
    });
  });

  it("kept by an earlier start is offered as it is", async () => {
    const dir = cacheDir();
    const earlier = await generate([{ name: "commonName", value: "posta.kept.test" }], {
      keyType: "ec",
      curve: "P-256",
      algorithm: "sha256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "posta.kept.test" }] }],
    });
    writeFileSync(
      join(dir, "posta.kept.test.json"),
      JSON.stringify({ key: earlier.private, cert: earlier.cert }),
    );
    const kept = await tlsCertificate("posta.kept.test", {}, dir);
    expect(kept).toEqual({ key: earlier.private, cert: earlier.cert, source: "cached" });
  });

  it("is made anew when the kept one expires within 30 days, or names another host", async () => {
    const dir = cacheDir();
    const soon = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
    const old = await generate([{ name: "commonName", value: "posta.expiring.test" }], {
      keyType: "ec",
      curve: "P-256",
      algorithm: "sha256",
      notAfterDate: soon,
    });
    writeFileSync(
      join(dir, "posta.expiring.test.json"),
      JSON.stringify({ key: old.private, cert: old.cert }),
    );
    const renewed = await tlsCertificate("posta.expiring.test", {}, dir);
    expect(renewed.source).toBe("self-signed");
    expect(Date.parse(new X509Certificate(renewed.cert).validTo)).toBeGreaterThan(
      Date.now() + 300 * 24 * 60 * 60 * 1000,
    );

    const other = await generate([{ name: "commonName", value: "elsewhere.test" }], {
      keyType: "ec",
      curve: "P-256",
    });
    writeFileSync(
      join(dir, "posta.renamed.test.json"),
      JSON.stringify({ key: other.private, cert: other.cert }),
    );
    const own = await tlsCertificate("posta.renamed.test", {}, dir);
    expect(new X509Certificate(own.cert).checkHost("posta.renamed.test")).toBe("posta.renamed.test");
  });

  it("is still made when the cache cannot be written (a read-only install)", async () => {
    // A cache path below a plain file: no directory can be made there, whoever runs the test.
    const file = join(cacheDir(), "not-a-directory");
    writeFileSync(file, "");
    const made = await tlsCertificate("posta.readonly.test", {}, join(file, "smtp-tls"));
    expect(new X509Certificate(made.cert).checkHost("posta.readonly.test")).toBe("posta.readonly.test");
  });
});
