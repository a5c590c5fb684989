// The SMTP server as a client sees it on the wire: what it offers, STARTTLS (nodemailer with requireTLS, Python's
// smtplib with starttls()), enhanced status codes, RFC 5321's limits, and pipelined commands.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { MailpitClient } from "mailpit-api";
import nodemailer from "nodemailer";
import { generate } from "selfsigned";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auth, startTestService, Wire, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;
beforeAll(async () => {
  t = await startTestService();
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

async function greeted(): Promise<Wire> {
  const wire = new Wire(t.smtpPort);
  await wire.replies(1);
  wire.write("EHLO client.test\r\n");
  await wire.replies(1);
  return wire;
}

describe("what the SMTP server offers", () => {
  it("advertises STARTTLS, ENHANCEDSTATUSCODES, PIPELINING, 8BITMIME, SMTPUTF8, SIZE and AUTH", async () => {
    const wire = new Wire(t.smtpPort);
    try {
      expect((await wire.replies(1))[0]).toMatch(/^220 mail-gateway\.inps-sim\.local ESMTP/);
      wire.write("EHLO client.test\r\n");
      const lines = (await wire.replies(1)).map((l) => l.slice(4));
      for (const feature of [
        "STARTTLS",
        "ENHANCEDSTATUSCODES",
        "PIPELINING",
        "8BITMIME",
        "SMTPUTF8",
        "SIZE 10485760",
      ]) {
        expect(lines).toContain(feature);
      }
      expect(
        lines
          .find((l) => l.startsWith("AUTH "))
          ?.split(" ")
          .sort(),
      ).toEqual(["AUTH", "LOGIN", "PLAIN"]);
    } finally {
      wire.close();
    }
  });

  it("answers with enhanced status codes, also for a fault set on purpose", async () => {
    const wire = await greeted();
    try {
      wire.write("MAIL FROM:<noreply@inps.it>\r\nRCPT TO:<mario@example.it>\r\nRSET\r\n");
      expect(await wire.replies(3)).toEqual([
        "250 2.1.0 Accepted",
        "250 2.1.5 Accepted",
        "250 2.0.0 Flushed",
      ]);
      await t.http("/__sim/smtp-faults", {
        method: "PUT",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ stage: "RCPT", code: 550, match: "@pec.it" }),
      });
      wire.write("MAIL FROM:<noreply@inps.it>\r\nRCPT TO:<mario@pec.it>\r\n");
      const [, refused] = await wire.replies(2);
      expect(refused).toMatch(/^550 5\.\d\.\d Requested action not taken/);
    } finally {
      wire.close();
    }
  });

  it("answers pipelined commands in order and stores the message before its 250", async () => {
    const wire = await greeted();
    try {
      wire.write("MAIL FROM:<noreply@inps.it>\r\nRCPT TO:<anna@example.it>\r\nDATA\r\n");
      expect((await wire.replies(3)).map((l) => l.slice(0, 3))).toEqual(["250", "250", "354"]);
      wire.write("Subject: in fila\r\nMessage-ID: <fila-1@inps.it>\r\n\r\n..punto\r\n.\r\nNOOP\r\n");
      const [queued, noop] = await wire.replies(2);
      expect(queued).toMatch(/^250 2\.6\.0 Ok: queued as [A-Za-z0-9]{22}$/);
      expect(noop).toBe("250 2.0.0 OK");
      // The 250 came after the commit: the message is there at once, dot-unstuffed.
      const id = queued!.split(" ").at(-1)!;
      expect((await mailpit.getMessageSummary(id)).Text).toBe(".punto\n");
    } finally {
      wire.close();
    }
  });

  it("holds command lines to RFC 5321's 512 octets and paths to its limits", async () => {
    const longPath = await greeted();
    try {
      longPath.write(`MAIL FROM:<${"a".repeat(250)}@${"b".repeat(10)}.it>\r\n`);
      expect((await longPath.replies(1))[0]).toMatch(/^501 /);
      longPath.write(`MAIL FROM:<${"x".repeat(64)}@inps.it>\r\n`);
      expect((await longPath.replies(1))[0]).toMatch(/^250 /);
    } finally {
      longPath.close();
    }
    const long = await greeted();
    try {
      long.write(`NOOP ${"x".repeat(600)}\r\n`);
      expect((await long.replies(1))[0]).toMatch(/^421 .*too long/i);
    } finally {
      long.close();
    }
  });
});

describe("STARTTLS", () => {
  it("nodemailer with requireTLS sends over the upgraded connection", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: t.smtpPort,
      secure: false,
      requireTLS: true,
      // The certificate is the gateway's own self-signed one.
      tls: { rejectUnauthorized: false },
    });
    try {
      const info = (await transport.sendMail({
        from: "noreply@inps.it",
        to: "tls@example.it",
        subject: "Cifrato",
        text: "Codice di verifica: 424242",
      })) as {
        response: string;
      };
      expect(info.response).toMatch(/^250 /);
    } finally {
      transport.close();
    }
    const found = await mailpit.searchMessages({ query: "to:tls@example.it" });
    expect(found.messages_count).toBe(1);
  });

  it("Python's smtplib upgrades with starttls() and sends; a second STARTTLS is refused", async () => {
    const script = `
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage()
m["From"] = "INPS <noreply@inps.it>"
m["To"] = "python.tls@example.it"
m["Subject"] = "Prima parte del PIN"
m.set_content("Prima parte del PIN: QW12ER34")
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10) as s:
    s.ehlo("python.test")
    assert s.has_extn("starttls")
    code, _ = s.starttls()
    assert code == 220, code
    s.ehlo("python.test")
    assert not s.has_extn("starttls")
    s.send_message(m)
    print(s.sock.version())
`;
    const { stdout } = await promisify(execFile)("python3", ["-c", script, String(t.smtpPort)], {
      timeout: 20_000,
    });
    expect(stdout.trim()).toMatch(/^TLSv1\.[23]$/);
    const found = await mailpit.searchMessages({ query: "to:python.tls@example.it" });
    expect(found.messages_count).toBe(1);
  });

  it("offers the certificate given in SMTP_TLS_CERT and SMTP_TLS_KEY", async () => {
    const pems = await generate([{ name: "commonName", value: "posta.example.test" }], {
      keyType: "ec",
      curve: "P-256",
      algorithm: "sha256",
    });
    const dir = mkdtempSync(join(tmpdir(), "mail-tls-"));
    writeFileSync(join(dir, "cert.pem"), pems.cert);
    writeFileSync(join(dir, "key.pem"), pems.private);
    const own = await startTestService({
      SMTP_TLS_CERT: join(dir, "cert.pem"),
      SMTP_TLS_KEY: join(dir, "key.pem"),
    });
    try {
      const script = `
import smtplib, ssl, sys
ctx = ssl.create_default_context(cadata=open(sys.argv[2]).read())
ctx.check_hostname = False
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10) as s:
    s.starttls(context=ctx)
    print(s.sock.getpeercert()["subject"][0][0][1])
`;
      const { stdout } = await promisify(execFile)(
        "python3",
        ["-c", script, String(own.smtpPort), join(dir, "cert.pem")],
        { timeout: 20_000 },
      );
      expect(stdout.trim()).toBe("posta.example.test");
    } finally {
      await own.close();
    }
  });
});
