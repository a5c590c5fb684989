// The differential test: the single-part reader (postal-mime) must give exactly what simpleParser gives, for every
// message it takes; the rest it leaves to simpleParser. RUNS=12000 is the local run the docs' figures come from.
import fc from "fast-check";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { describe, expect, it } from "vitest";
import { parseMessage, type ParsedMessage } from "../src/mime/parse.ts";
import { readSinglePart } from "../src/mime/single-part.ts";

const HEADERS_READ = [
  "from",
  "to",
  "cc",
  "bcc",
  "reply-to",
  "subject",
  "date",
  "message-id",
  "return-path",
  "x-tags",
  "x-ricevuta",
  "x-custom",
  "references",
];

/** Everything a ParsedMessage tells, as plain data (a Date header that cannot be read is "now" in both: left out). */
function view(p: ParsedMessage, dateReadable: boolean) {
  const { header, date, ...rest } = p;
  return {
    ...rest,
    date: dateReadable ? date?.toISOString() : "unreadable",
    headers: HEADERS_READ.map((h) => (h === "date" && !dateReadable ? "unreadable" : header(h))),
  };
}

async function expectSameAsMailparser(raw: Buffer): Promise<boolean> {
  const taken = (await readSinglePart(raw)) !== null;
  const ours = await parseMessage(raw);
  const theirs = await parseMessage(raw, { mailparserOnly: true });
  const dateReadable = theirs.date === null || Math.abs(theirs.date.getTime() - Date.now()) > 60_000;
  expect(view(ours, dateReadable)).toEqual(view(theirs, dateReadable));
  return taken;
}

const compose = (mail: ConstructorParameters<typeof MailComposer>[0]) =>
  new Promise<Buffer>((resolve, reject) =>
    new MailComposer(mail).compile().build((err, out) => (err ? reject(err) : resolve(out))),
  );

describe("the single-part reader", () => {
  it("takes what the identity service sends (nodemailer, text with accents) and reads it as mailparser does", async () => {
    const raw = await compose({
      from: "INPS <noreply@inps.it>",
      to: "Maria Rossi <maria.rossi@example.it>",
      subject: "Prima parte del PIN – richiesta accolta",
      text: "Gentile Maria,\nPrima parte del PIN: AB12CD34\nPerché sia valido, attivi il PIN entro 90 giorni.\n",
      messageId: "<outbox-1@inps.it>",
      headers: { "X-Outbox-Id": "outbox-1" },
    });
    expect(raw.toString()).toMatch(/quoted-printable/i);
    expect(await expectSameAsMailparser(raw)).toBe(true);
  });

  it("takes a plain 8-bit message with a bare-LF body and dot-leading lines", async () => {
    const raw = Buffer.from(
      'From: INPS <noreply@inps.it>\r\nTo: a@example.it, "Rossi, Maria" <m@example.it>\r\nSubject: =?UTF-8?Q?Codice_di_verifica_=E2=80=93_INPS?=\r\n' +
        'Date: Tue, 01 Dec 2026 10:00:00 +0100\r\nMessage-ID: plain-1@inps.it\r\nContent-Type: text/plain; charset="UTF-8"\r\n' +
        "Content-Transfer-Encoding: 8bit\r\nX-Tags: uno, due\r\n\r\nCodice di verifica: 123456\n.punto\r\nè così\r\n",
    );
    expect(await expectSameAsMailparser(raw)).toBe(true);
  });

  const head = "From: a@example.it\r\nTo: b@example.it\r\n";
  it.each([
    ["HTML", `${head}Content-Type: text/html; charset=utf-8\r\n\r\n<p>ciao</p>\r\n`],
    [
      "multipart",
      `${head}Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nciao\r\n--b--\r\n`,
    ],
    [
      "an attachment",
      `${head}Content-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nciao\r\n`,
    ],
    [
      "Latin-1",
      `${head}Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\ncos\xec\r\n`,
    ],
    ["base64", `${head}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nY2lhbw==\r\n`],
    ["flowed text", `${head}Content-Type: text/plain; format=flowed\r\n\r\nciao \r\nmondo\r\n`],
    ["a header block that never ends", `${head}Subject: ciao\r\n`],
    ["a message with no header", "\r\nciao\r\n"],
  ])("leaves %s to mailparser, with the same answer", async (_what, raw) => {
    expect(await expectSameAsMailparser(Buffer.from(raw, "latin1"))).toBe(false);
  });

  // RUNS and SEED search further: RUNS=12000 SEED=7 npx vitest run test/single-part.test.ts --testTimeout=900000
  it("agrees with mailparser on generated messages, and takes most of the plain ones", async () => {
    const word = fc.stringMatching(/^[A-Za-z0-9àèéìòù.,!?'-]{1,12}$/);
    const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" "));
    const address = fc
      .tuple(
        fc.stringMatching(/^[a-z][a-z0-9.+_-]{0,10}$/),
        fc.constantFrom("example.it", "inps.it", "pec.it", "xn--caf-dma.it"),
      )
      .map(([local, domain]) => `${local}@${domain}`);
    const mailbox = fc.oneof(
      address,
      fc.tuple(phrase, address).map(([n, a]) => `${n} <${a}>`),
      fc.tuple(phrase, address).map(([n, a]) => `"${n}, jr" <${a}>`),
      fc.tuple(phrase, address).map(([n, a]) => `=?UTF-8?B?${Buffer.from(n).toString("base64")}?= <${a}>`),
    );
    const list = fc.array(mailbox, { minLength: 1, maxLength: 3 }).map((l) => l.join(", "));
    const subject = fc.oneof(
      phrase,
      phrase.map(
        (p) =>
          `=?UTF-8?Q?${Buffer.from(p)
            .toString("latin1")
            .replace(
              /[^A-Za-z0-9]/g,
              (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
            )}?=`,
      ),
      fc.tuple(phrase, phrase).map(([a, b]) => `${a}\r\n ${b}`),
    );
    const date = fc.oneof(
      fc.constant("Tue, 01 Dec 2026 10:00:00 +0100"),
      fc.constant("2026-12-01T09:00:00Z"),
      fc.constant("not a date"),
    );
    const contentType = fc.constantFrom(
      undefined,
      "text/plain",
      "text/plain; charset=utf-8",
      'TEXT/PLAIN; CHARSET="US-ASCII"',
      "text/plain; charset=utf-8 (comment)",
      "text/plain; charset=iso-8859-1",
      "text/plain; format=flowed",
      "text/html; charset=utf-8",
      "",
    );
    const encoding = fc.constantFrom(
      undefined,
      "7bit",
      "8bit",
      "quoted-printable",
      "QUOTED-PRINTABLE",
      "binary",
      "x-unknown",
      "base64",
    );
    const disposition = fc.constantFrom(undefined, "inline", "attachment", "inline; filename=x.txt", "weird");
    const body = fc.oneof(
      fc.array(phrase, { maxLength: 6 }).map((l) => l.join("\r\n")),
      fc.array(phrase, { maxLength: 6 }).map((l) => l.join("\n")),
      fc.constant("Caf=C3=A9 e gelato=\r\n continua=3D fine \r\n=E2=80=93 =ZZ rotto"),
      fc.constant(""),
      fc.constant(".inizio\r\n..doppio\r\n"),
    );
    const message = fc.record(
      {
        from: mailbox,
        to: list,
        cc: list,
        replyTo: mailbox,
        subject,
        date,
        messageId: fc.constantFrom("<id-1@inps.it>", "id-2@inps.it", ""),
        contentType,
        encoding,
        disposition,
        tags: fc.constantFrom("uno, due", "tre"),
        body,
        eol: fc.constantFrom("\r\n", "\n"),
        // As nodemailer and Python's email package write them: no 8-bit byte in the header block.
        asciiHeaders: fc.boolean(),
      },
      { requiredKeys: ["body", "eol", "asciiHeaders"] },
    );
    let taken = 0;
    let plain = 0;
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const headers: string[] = [];
        const add = (k: string, v: string | undefined) =>
          v !== undefined &&
          headers.push(`${k}: ${m.asciiHeaders ? v.normalize("NFD").replace(/[^\t -~]/g, "") : v}`);
        add("From", m.from);
        add("To", m.to);
        add("Cc", m.cc);
        add("Reply-To", m.replyTo);
        add("Subject", m.subject);
        add("Date", m.date);
        add("Message-ID", m.messageId);
        add("Content-Type", m.contentType);
        add("Content-Transfer-Encoding", m.encoding);
        add("Content-Disposition", m.disposition);
        add("X-Tags", m.tags);
        const raw = Buffer.from(`${headers.join(m.eol)}${m.eol}${m.eol}${m.body}${m.eol}`);
        // Plain: one text/plain part with a 7-bit header block (8-bit headers are simpleParser's to read; SMTP senders
        // such as nodemailer and Python's email package write encoded words).
        const isPlain =
          headers.length > 0 &&
          /^[\t -~]*$/.test(headers.join("")) &&
          (m.contentType === undefined || m.contentType === "text/plain") &&
          m.encoding !== "base64" &&
          m.disposition === undefined;
        if (isPlain) plain++;
        if (await expectSameAsMailparser(raw)) taken++;
      }),
      { numRuns: Number(process.env.RUNS ?? 400), seed: Number(process.env.SEED ?? 20261201) },
    );
    expect(plain).toBeGreaterThan(10);
    expect(taken).toBeGreaterThanOrEqual(plain);
  });
});
