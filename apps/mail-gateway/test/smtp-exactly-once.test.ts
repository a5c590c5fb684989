// What a sender's retry meets: content PostgreSQL cannot keep as text (NUL) is stored, not refused with a 451 the
// sender would retry for ever; and a resend of a message already stored (same Message-ID, same envelope sender) is
// recorded as a redelivery of it, never stored twice, also when the copies arrive at the same time.
import { connect } from "node:net";
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

/** One message over a raw SMTP connection, bytes as given (dot-stuffed here); resolves with the reply to DATA. */
function sendRaw(from: string, to: string, message: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: t.smtpPort });
    let text = "";
    let step = 0;
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const lines = text.split("\r\n").filter((l) => l && l[3] !== "-");
      if (step === 0 && lines.length >= 1) {
        step = 1;
        socket.write(`EHLO raw.test\r\nMAIL FROM:<${from}>\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
      } else if (step === 1 && lines.length >= 5) {
        step = 2;
        const body = Buffer.from(message.toString("latin1").replace(/\r\n\./g, "\r\n.."), "latin1");
        socket.write(Buffer.concat([body, Buffer.from(".\r\n")]));
      } else if (step === 2 && lines.length >= 6) {
        socket.end("QUIT\r\n");
        resolve(lines[5]!);
      }
    });
    socket.on("error", reject);
  });
}

describe("a message containing NUL", () => {
  it("is stored (250, not a temporary 451), NUL shown as U+FFFD, the source kept byte for byte", async () => {
    const raw = Buffer.from(
      "From: INPS <noreply@inps.it>\r\nTo: nul@example.it\r\nSubject: Prima\u0000parte\r\nMessage-ID: <nul-1@inps.it>\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n\r\nPrima parte del PIN: AB12\u0000CD34\r\n",
      "utf8",
    );
    const reply = await sendRaw("noreply@inps.it", "nul@example.it", raw);
    expect(reply).toMatch(/^250 /);
    const id = reply.split(" ").at(-1)!;
    const message = await mailpit.getMessageSummary(id);
    expect(message.Subject).toBe("Prima\uFFFDparte");
    expect(message.Text).toBe("Prima parte del PIN: AB12\uFFFDCD34\n");
    const source = Buffer.from(await (await t.http(`/api/v1/message/${id}/raw`)).arrayBuffer());
    // What was sent, byte for byte, under the Received and Return-Path headers added on arrival (as Mailpit adds them).
    expect(source.subarray(source.length - raw.length).equals(raw)).toBe(true);
    expect(source.subarray(0, source.length - raw.length).toString()).toMatch(
      /^Return-Path: <noreply@inps\.it>\r\nReceived: from /,
    );
    expect((await mailpit.searchMessages({ query: "to:nul@example.it" })).messages_count).toBe(1);
  });

  it("in an attachment name or a multipart body too", async () => {
    const raw = Buffer.from(
      'From: a@inps.it\r\nTo: nul2@example.it\r\nSubject: allegato\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
        "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>ciao\u0000</p>\r\n" +
        '--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="a\u0000b.txt"\r\n\r\nx\u0000y\r\n--b--\r\n',
    );
    const reply = await sendRaw("a@inps.it", "nul2@example.it", raw);
    expect(reply).toMatch(/^250 /);
    const message = await mailpit.getMessageSummary(reply.split(" ").at(-1)!);
    expect(message.HTML).toContain("ciao\uFFFD");
    expect(message.Attachments.map((a) => a.FileName)).toEqual(["a\uFFFDb.txt"]);
  });
});

describe("a resent message (same Message-ID, same sender)", () => {
  const transport = () =>
    nodemailer.createTransport({ host: "127.0.0.1", port: t.smtpPort, secure: false, ignoreTLS: true });
  const mail = (messageId: string, from = "noreply@inps.it") => ({
    from,
    to: "resend@example.it",
    subject: "Prima parte del PIN",
    text: "Prima parte del PIN: AB12CD34",
    messageId,
  });

  it("is answered 250 with the stored message's ID, counted as a redelivery, and not stored again", async () => {
    const smtp = transport();
    try {
      const first = (await smtp.sendMail(mail("<outbox-1@inps.it>"))) as { response: string };
      const again = (await smtp.sendMail(mail("<outbox-1@inps.it>"))) as { response: string };
      const idOf = (r: { response: string }) => r.response.split(" ").at(-1);
      expect(again.response).toMatch(/^250 /);
      expect(idOf(again)).toBe(idOf(first));
      expect((await mailpit.searchMessages({ query: "to:resend@example.it" })).messages_count).toBe(1);
      const headers = await mailpit.getMessageHeaders(idOf(first)!);
      expect(headers["X-Simulator-Redeliveries"]).toEqual(["1"]);
      await smtp.sendMail(mail("<outbox-1@inps.it>"));
      expect((await mailpit.getMessageHeaders(idOf(first)!))["X-Simulator-Redeliveries"]).toEqual(["2"]);
      // Another Message-ID is another message; a message never resent carries no such header.
      const other = (await smtp.sendMail(mail("<outbox-2@inps.it>"))) as { response: string };
      expect((await mailpit.getMessageHeaders(idOf(other)!))["X-Simulator-Redeliveries"]).toBeUndefined();
    } finally {
      smtp.close();
    }
    expect((await mailpit.searchMessages({ query: "to:resend@example.it" })).messages_count).toBe(2);
  });

  it("from another sender is another message", async () => {
    const smtp = transport();
    try {
      await smtp.sendMail(mail("<shared-1@inps.it>", "noreply@inps.it"));
      await smtp.sendMail(mail("<shared-1@inps.it>", "altro@example.it"));
    } finally {
      smtp.close();
    }
    expect((await mailpit.searchMessages({ query: "message-id:shared-1@inps.it" })).messages_count).toBe(2);
  });

  it("arriving on 10 connections at once is stored once, and each copy gets the same 250", async () => {
    const pool = nodemailer.createTransport({
      host: "127.0.0.1",
      port: t.smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 10,
    });
    try {
      const replies = (await Promise.all(
        Array.from({ length: 30 }, (_, i) => pool.sendMail(mail(`<burst-${i % 3}@inps.it>`))),
      )) as { response: string }[];
      const ids = replies.map((r) => r.response.split(" ").at(-1)!);
      expect(new Set(ids).size).toBe(3);
      for (const id of new Set(ids)) {
        expect((await mailpit.getMessageHeaders(id))["X-Simulator-Redeliveries"]).toEqual(["9"]);
      }
    } finally {
      pool.close();
    }
    expect((await mailpit.searchMessages({ query: "to:resend@example.it" })).messages_count).toBe(3);
  });

  it("through two gateway processes' writers at once (one database) is stored once", async () => {
    const second = await import("../src/messages/messages.store.ts").then(
      (m) => new m.MailStore(t.handle.db),
    );
    const { parseMessage } = await import("../src/mime/parse.ts");
    const raw = Buffer.from(
      "From: noreply@inps.it\r\nTo: resend@example.it\r\nMessage-ID: <twin-1@inps.it>\r\nSubject: x\r\n\r\nx\r\n",
    );
    const input = {
      parsed: await parseMessage(raw),
      raw,
      created: new Date(),
      envelope: { from: "noreply@inps.it", to: ["resend@example.it"] },
    };
    const results = await Promise.all([
      t.service.mailbox.store.insert(input),
      second.insert(input),
      t.service.mailbox.store.insert(input),
    ]);
    expect(new Set(results.map((r) => r.summary.ID)).size).toBe(1);
    expect(results.filter((r) => !r.redelivered)).toHaveLength(1);
    expect((await mailpit.searchMessages({ query: "message-id:twin-1@inps.it" })).messages_count).toBe(1);
  });

  it("to a PEC mailbox gets no second set of receipts", async () => {
    const smtp = transport();
    try {
      const pec = { ...mail("<pec-1@inps.it>", "protocollo@pec.inps.gov.it"), to: "mario.rossi@pec.it" };
      await smtp.sendMail(pec);
      await smtp.sendMail(pec);
    } finally {
      smtp.close();
    }
    expect((await mailpit.searchMessages({ query: 'subject:"ACCETTAZIONE:"' })).messages_count).toBe(1);
    expect((await mailpit.searchMessages({ query: 'subject:"CONSEGNA:"' })).messages_count).toBe(1);
    // The recipient's copy is the provider's transport envelope (POSTA CERTIFICATA: …), once.
    expect((await mailpit.searchMessages({ query: "to:mario.rossi@pec.it" })).messages_count).toBe(1);
  });
});
