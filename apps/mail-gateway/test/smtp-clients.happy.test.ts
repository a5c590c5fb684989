// Real SMTP clients against the gateway's SMTP server: nodemailer (pooled, with AUTH) and Python's smtplib.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { MailpitClient } from "mailpit-api";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;
beforeAll(async () => {
  t = await startTestService();
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

describe("SMTP clients", () => {
  it("nodemailer: many messages over a pool of connections, with AUTH, each stored once and whole", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: t.smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 5,
      auth: { user: "inps", pass: "qualsiasi" },
    });
    try {
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          transport.sendMail({
            from: "INPS <noreply@inps.it>",
            to: `cittadino${i}@example.it`,
            subject: `Codice di verifica n. ${i}`,
            text: `.una riga che comincia con un punto\n.\nCodice di verifica: ${100000 + i}\nPerché è così.`,
          }),
        ),
      );
    } finally {
      transport.close();
    }
    const list = await mailpit.searchMessages({ query: 'subject:"Codice di verifica n."', limit: 100 });
    expect(list.messages_count).toBe(60);
    const one = await mailpit.getMessageSummary(
      (await mailpit.searchMessages({ query: "to:cittadino7@example.it" })).messages[0]!.ID,
    );
    expect(one.Text).toBe(
      ".una riga che comincia con un punto\n.\nCodice di verifica: 100007\nPerché è così.\n",
    );
  });

  it("Python's smtplib: a UTF-8 message arrives with its subject and text", async () => {
    const script = `
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage()
m["From"] = "INPS <noreply@inps.it>"
m["To"] = "Maria Rossi <maria.rossi@example.it>"
m["Subject"] = "Seconda parte del PIN – è arrivata"
m.set_content("Seconda parte del PIN: ZX98YW76\\nGrazie.")
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10) as s:
    s.ehlo("python.test")
    s.send_message(m)
`;
    // Asynchronously: the gateway answers from this very process.
    await promisify(execFile)("python3", ["-c", script, String(t.smtpPort)], { timeout: 20_000 });
    const found = await mailpit.searchMessages({ query: "to:maria.rossi@example.it" });
    expect(found.messages).toHaveLength(1);
    const message = await mailpit.getMessageSummary(found.messages[0]!.ID);
    expect(message.Subject).toBe("Seconda parte del PIN – è arrivata");
    expect(message.Text).toContain("Seconda parte del PIN: ZX98YW76");
  });
});
