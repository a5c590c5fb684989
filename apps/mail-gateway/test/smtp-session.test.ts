// The SMTP conversation on its own, bytes in and replies out: what any SMTP client may send, split anywhere.
import { describe, expect, it } from "vitest";
import { parsePath, SmtpSession, unstuff, type SmtpEnvelope, type SmtpReply } from "../src/smtp/smtp-session.ts";

interface Harness {
  session: SmtpSession;
  /** Each call of `write`: one entry per socket write. */
  writes: string[];
  messages: { raw: string; envelope: SmtpEnvelope; oversized: boolean }[];
  closed: () => boolean;
  send(text: string | Buffer): void;
  /** Every reply line written so far, and forgets them. */
  replies(): string[];
}

function harness(options: { maxMessageSize?: number; dataReply?: (raw: Buffer) => Promise<SmtpReply>; refuse?: Partial<Record<"mail" | "rcpt" | "auth", SmtpReply>> } = {}): Harness {
  const writes: string[] = [];
  const messages: Harness["messages"] = [];
  let closed = false;
  const session = new SmtpSession(
    {
      hostname: "mx.test",
      banner: "test",
      maxMessageSize: options.maxMessageSize ?? 1000,
      remote: "[127.0.0.1]",
      write: (text) => writes.push(text),
      close: () => void (closed = true),
    },
    {
      mailFrom: () => options.refuse?.mail ?? null,
      rcptTo: () => options.refuse?.rcpt ?? null,
      auth: () => options.refuse?.auth ?? null,
      data: async (raw, envelope, oversized) => {
        messages.push({ raw: raw.toString("latin1"), envelope: { from: envelope.from, to: [...envelope.to] }, oversized });
        return options.dataReply ? options.dataReply(raw) : { code: 250, message: `Ok: queued as m${messages.length}` };
      },
    },
  );
  session.greet();
  let seen = 0;
  return {
    session,
    writes,
    messages,
    closed: () => closed,
    send: (text) => session.receive(Buffer.isBuffer(text) ? text : Buffer.from(text, "latin1")),
    replies() {
      const lines = writes.slice(seen).join("").split("\r\n").filter(Boolean);
      seen = writes.length;
      return lines;
    },
  };
}

const settle = () => new Promise((r) => setImmediate(r));
const codes = (lines: string[]) => lines.map((l) => l.slice(0, 3));

describe("an SMTP session", () => {
  it("greets, says what it supports, and takes a message", async () => {
    const h = harness();
    expect(h.replies()).toEqual(["220 mx.test ESMTP test"]);
    h.send("EHLO client.test\r\n");
    expect(h.replies()).toEqual([
      "250-mx.test Nice to meet you, [127.0.0.1]",
      "250-PIPELINING",
      "250-8BITMIME",
      "250-SMTPUTF8",
      "250-AUTH LOGIN PLAIN",
      "250 SIZE 1000",
    ]);
    h.send("MAIL FROM:<noreply@inps.it>\r\nRCPT TO:<maria@example.it>\r\nRCPT TO:<luca@example.it>\r\nDATA\r\n");
    expect(codes(h.replies())).toEqual(["250", "250", "250", "354"]);
    h.send("Subject: ciao\r\n\r\nPrima parte del PIN: AB12CD34\r\n.\r\n");
    await settle();
    expect(h.replies()).toEqual(["250 Ok: queued as m1"]);
    expect(h.messages).toEqual([
      {
        raw: "Subject: ciao\r\n\r\nPrima parte del PIN: AB12CD34\r\n",
        envelope: { from: "noreply@inps.it", to: ["maria@example.it", "luca@example.it"] },
        oversized: false,
      },
    ]);
  });

  it("answers a group of pipelined commands in one write", () => {
    const h = harness();
    h.replies();
    const before = h.writes.length;
    h.send("EHLO a\r\nMAIL FROM:<a@b.it>\r\nRCPT TO:<c@d.it>\r\nDATA\r\n");
    expect(h.writes.length - before).toBe(1);
    expect(codes(h.replies())).toEqual([...Array(6).fill("250"), "250", "250", "354"]);
  });

  it("finds the end of a message split at any byte, and removes the dots SMTP added", async () => {
    // As a client sends it: every line that starts with a dot gets one more (a lone "." line becomes "..").
    const body = "Subject: x\r\n\r\n..riga con un punto\r\n..\r\n...due\r\nfine\r\n";
    const wire = `EHLO a\r\nMAIL FROM:<a@b.it>\r\nRCPT TO:<c@d.it>\r\nDATA\r\n${body}.\r\nQUIT\r\n`;
    for (let cut = 1; cut < wire.length; cut++) {
      const h = harness();
      h.send(wire.slice(0, cut));
      h.send(wire.slice(cut));
      await settle();
      expect(h.messages.map((m) => m.raw), `cut at ${cut}`).toEqual(["Subject: x\r\n\r\n.riga con un punto\r\n.\r\n..due\r\nfine\r\n"]);
      expect(h.closed(), `cut at ${cut}`).toBe(true);
    }
  });

  it("takes a message sent one byte at a time", async () => {
    const h = harness();
    for (const ch of "HELO a\r\nMAIL FROM:<>\r\nRCPT TO:<postmaster>\r\nDATA\r\nx\r\n.\r\n") h.send(ch);
    await settle();
    expect(h.messages).toMatchObject([{ raw: "x\r\n", envelope: { from: "", to: ["postmaster"] } }]);
  });

  it("takes an empty message, and bare LF line ends", async () => {
    const h = harness();
    h.send("EHLO a\nMAIL FROM:<a@b.it>\nRCPT TO:<c@d.it>\nDATA\n.\nMAIL FROM:<a@b.it>\nRCPT TO:<c@d.it>\nDATA\nuno\n.\n");
    await settle();
    await settle();
    expect(h.messages.map((m) => m.raw)).toEqual(["", "uno\n"]);
  });

  it("holds pipelined commands that follow DATA until the message is stored, and answers in order", async () => {
    let release!: () => void;
    const h = harness({ dataReply: () => new Promise((r) => (release = () => r({ code: 250, message: "stored" }))) });
    h.replies();
    h.send("EHLO a\r\nMAIL FROM:<a@b.it>\r\nRCPT TO:<c@d.it>\r\nDATA\r\n");
    h.replies();
    h.send("x\r\n.\r\nNOOP\r\nQUIT\r\n");
    await settle();
    expect(h.replies()).toEqual([]);
    release();
    await settle();
    expect(h.replies()).toEqual(["250 stored", "250 OK", "221 Bye"]);
    expect(h.closed()).toBe(true);
  });

  it("refuses a message over the size limit with 552, and takes the next one", async () => {
    const h = harness({ maxMessageSize: 100 });
    h.send("EHLO a\r\nMAIL FROM:<a@b.it> SIZE=101\r\n");
    expect(h.replies().at(-1)).toBe("552 Error: message exceeds fixed maximum message size 100");
    h.send(`MAIL FROM:<a@b.it>\r\nRCPT TO:<c@d.it>\r\nDATA\r\n${"y".repeat(300)}\r\n.\r\n`);
    await settle();
    expect(h.messages).toMatchObject([{ oversized: true, raw: "" }]);
    h.send("MAIL FROM:<a@b.it>\r\nRCPT TO:<c@d.it>\r\nDATA\r\nsmall\r\n.\r\n");
    await settle();
    expect(h.messages.at(-1)).toMatchObject({ oversized: false, raw: "small\r\n" });
  });

  it.each([
    ["MAIL before EHLO", "MAIL FROM:<a@b.it>\r\n", "503"],
    ["EHLO without a name", "EHLO\r\n", "501"],
    ["RCPT before MAIL", "EHLO a\r\nRCPT TO:<c@d.it>\r\n", "503"],
    ["DATA without RCPT", "EHLO a\r\nMAIL FROM:<a@b.it>\r\nDATA\r\n", "503"],
    ["a sender without brackets", "EHLO a\r\nMAIL FROM:a@b.it\r\n", "501"],
    ["a sender with a space", "EHLO a\r\nMAIL FROM:<a b@c.it>\r\n", "501"],
    ["an empty recipient", "EHLO a\r\nMAIL FROM:<a@b.it>\r\nRCPT TO:<>\r\n", "501"],
    ["a nested MAIL", "EHLO a\r\nMAIL FROM:<a@b.it>\r\nMAIL FROM:<a@b.it>\r\n", "503"],
    ["an unknown command", "EHLO a\r\nFROB\r\n", "500"],
    ["STARTTLS (not offered)", "EHLO a\r\nSTARTTLS\r\n", "500"],
    ["an unknown AUTH mechanism", "EHLO a\r\nAUTH CRAM-MD5\r\n", "504"],
    ["a line too long", `EHLO a\r\n${"A".repeat(5000)}\r\n`, "500"],
  ])("refuses %s, and goes on", (_what, input, code) => {
    const h = harness();
    h.replies();
    h.send(input);
    expect(h.replies().at(-1)?.slice(0, 3)).toBe(code);
    h.send("NOOP\r\n");
    expect(h.replies()).toEqual(["250 OK"]);
  });

  it("accepts any credentials over AUTH PLAIN and LOGIN, once", () => {
    const plain = harness();
    plain.replies();
    plain.send(`EHLO a\r\nAUTH PLAIN ${Buffer.from("\u0000utente\u0000segreto").toString("base64")}\r\nAUTH PLAIN x\r\n`);
    expect(codes(plain.replies()).slice(-2)).toEqual(["235", "503"]);
    const login = harness();
    login.replies();
    login.send("EHLO a\r\nAUTH LOGIN\r\n");
    expect(login.replies().at(-1)).toBe(`334 ${Buffer.from("Username:").toString("base64")}`);
    login.send(`${Buffer.from("utente").toString("base64")}\r\n`);
    expect(login.replies()).toEqual([`334 ${Buffer.from("Password:").toString("base64")}`]);
    login.send(`${Buffer.from("segreto").toString("base64")}\r\n`);
    expect(login.replies()).toEqual(["235 Authentication successful"]);
  });

  it("lets the hooks refuse MAIL, RCPT and AUTH with their own reply", () => {
    const h = harness({ refuse: { mail: { code: 451, message: "try later" }, auth: { code: 535, message: "no" } } });
    h.replies();
    h.send(`EHLO a\r\nMAIL FROM:<a@b.it>\r\nAUTH PLAIN ${Buffer.from("\u0000u\u0000p").toString("base64")}\r\n`);
    expect(h.replies().slice(-2)).toEqual(["451 try later", "535 no"]);
  });

  it("closes after too many unrecognized commands", () => {
    const h = harness();
    h.replies();
    h.send("EHLO a\r\n" + "FROB\r\n".repeat(12));
    expect(h.replies().at(-1)).toBe("421 Error: too many unrecognized commands");
    expect(h.closed()).toBe(true);
  });

  it("says why when it ends a session of its own accord", () => {
    const h = harness();
    h.replies();
    h.session.abort(421, "Server shutting down");
    expect(h.replies()).toEqual(["421 Server shutting down"]);
    expect(h.closed()).toBe(true);
  });
});

describe("SMTP helpers", () => {
  it("reads a path and its parameters", () => {
    expect(parsePath("FROM:<a@b.it> SIZE=120 BODY=8BITMIME smtputf8", "FROM")).toEqual({
      address: "a@b.it",
      params: { SIZE: "120", BODY: "8BITMIME", SMTPUTF8: "" },
    });
    expect(parsePath("to: <x@y.it>", "TO")).toEqual({ address: "x@y.it", params: {} });
    expect(parsePath("TO:<x@y.it>", "FROM")).toBeNull();
  });

  it("removes exactly one leading dot from each line", () => {
    expect(unstuff(Buffer.from("..a\r\nb\r\n...c\r\n.d\r\n")).toString()).toBe(".a\r\nb\r\n..c\r\nd\r\n");
    const plain = Buffer.from("no dots here\r\n");
    expect(unstuff(plain)).toBe(plain);
  });
});
