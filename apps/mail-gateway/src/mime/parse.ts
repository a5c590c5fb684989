// Parses a raw message (mailparser) into what the store keeps: Mailpit's summary fields, search text and parts.
import { createHash } from "node:crypto";
import type {
  AddressObject,
  Attachment,
  EmailAddress,
  ParsedMail as ParsedMailFull,
  simpleParser as SimpleParser,
} from "mailparser";
import type { MailAddress, StoredPart } from "../db/schema.ts";
import { htmlToPlainText, stripHtml } from "./html-plain-text.ts";
import { readSinglePart } from "./single-part.ts";

export interface ParsedMessage {
  messageId: string;
  subject: string;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  returnPath: string;
  date: Date | null;
  text: string;
  html: string;
  snippet: string;
  searchText: string;
  attachments: StoredPart[];
  inline: StoredPart[];
  /** Headers as decoded by mailparser (lower-case keys), for the PEC rules. */
  header(name: string): string | undefined;
  /** The message had no header block at all, or no From/To: PEC refuses it (non-accettazione). */
  malformed: string | null;
}

function flatten(list: EmailAddress[] | undefined, out: MailAddress[] = []): MailAddress[] {
  for (const a of list ?? []) {
    if (a.group) flatten(a.group, out);
    else out.push({ Name: a.name ?? "", Address: a.address ?? "" });
  }
  return out;
}

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (!value) return [];
  const objects = Array.isArray(value) ? value : [value];
  return objects.flatMap((o) => flatten(o.value));
}

/** Mailpit's cleanString: drop <>",;() and line breaks, collapse spaces, lower-case. */
export function cleanSearchText(value: string): string {
  return value
    .replaceAll("\uFEFF", " ")
    .replace(/(\r?\n|\t|>|<|"|,|;|\(|\))/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

/** "name <address>" lists, lower-cased, which to:/from:/… match as Mailpit matches its JSON. */
export function addressText(list: MailAddress[]): string {
  return list.map((a) => `${a.Name} <${a.Address}>`.toLowerCase()).join(", ");
}

/** Go's strings.TrimSpace over what Go's regexp `\s` (ASCII) collapses. */
const goSpaces = (s: string) => s.replace(/[\t\n\f\r ]+/g, " ").replace(/^[\s\u0085]+|[\s\u0085]+$/g, "");

/**
 * Mailpit's CreateSnippet (internal/tools/snippets.go): the HTML's text (or the text part), cut at 200 bytes of UTF-8 at a
 * character boundary, then "...". As Mailpit's truncate, a character that ends exactly at the cut is dropped too.
 */
export function createSnippet(text: string, html: string): string {
  const limit = 200;
  const source = html.trim() ? stripHtml(html, false) : goSpaces(text.trim().replaceAll("\uFEFF", " "));
  const bytes = Buffer.from(source, "utf8");
  if (bytes.length <= limit) return source;
  let n = limit;
  while (n > 0 && (bytes[n - 1]! & 0xc0) === 0x80) n--;
  if (n > 0 && (bytes[n - 1]! & 0xc0) === 0xc0) n--;
  return `${bytes.subarray(0, n).toString("utf8")}...`;
}

function partSummary(a: Attachment, index: number): StoredPart {
  const content = a.content;
  const hash = (algo: string) => createHash(algo).update(content).digest("hex");
  return {
    PartID: a.partId ?? String(index + 2),
    FileName: a.filename ?? a.cid ?? "",
    ContentType: a.contentType,
    ContentID: a.cid ?? "",
    Size: content.length,
    Checksums: { MD5: hash("md5"), SHA1: hash("sha1"), SHA256: hash("sha256") },
  };
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "text" in value && typeof (value as { text: unknown }).text === "string") {
    return (value as { text: string }).text;
  }
  if (
    typeof value === "object" &&
    "value" in value &&
    typeof (value as { value: unknown }).value === "string"
  ) {
    return (value as { value: string }).value;
  }
  return String(value);
}

let parser: Promise<typeof SimpleParser> | null = null;

/** mailparser, loaded on first use: start-up and idle memory do not pay for it until a message is read or parsed. */
export function loadSimpleParser(): Promise<typeof SimpleParser> {
  parser ??= import("mailparser").then((m) => m.simpleParser);
  return parser;
}

/** What simpleParser resolves with, as far as this module reads it (readSinglePart builds the same shape). */
export type ParsedMail = Pick<
  ParsedMailFull,
  | "headers"
  | "headerLines"
  | "from"
  | "to"
  | "cc"
  | "bcc"
  | "replyTo"
  | "subject"
  | "messageId"
  | "date"
  | "text"
  | "html"
  | "attachments"
>;

/** `mailparserOnly`: skip the single-part reader (the test that holds the two readers equal uses it). */
export async function parseMessage(
  raw: Buffer,
  options: { mailparserOnly?: boolean } = {},
): Promise<ParsedMessage> {
  const single = options.mailparserOnly ? null : await readSinglePart(raw);
  if (single) return fromMail(single, raw);
  const simpleParser = await loadSimpleParser();
  return fromMail(await simpleParser(raw, PARSER_OPTIONS), raw);
}

/**
 * `ignoreEmbedded` (passed on to mailsplit) keeps a forwarded message/rfc822 part whole, as Mailpit's enmime does: a
 * part of its own (an attachment or an inline part by its Content-Disposition), not text merged into the message.
 */
export const PARSER_OPTIONS = {
  skipImageLinks: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  ignoreEmbedded: true,
} as const;

function fromMail(mail: ParsedMail, raw: Buffer): ParsedMessage {
  const fromList = addresses(mail.from);
  const headerValue = (name: string) => headerText(mail.headers.get(name.toLowerCase()));
  const from: MailAddress = fromList[0] ?? { Name: headerValue("from") ?? "", Address: "" };
  const to = addresses(mail.to);
  const cc = addresses(mail.cc);
  const bcc = addresses(mail.bcc);
  const replyTo = addresses(mail.replyTo);
  const html = typeof mail.html === "string" ? mail.html : "";
  // mailparser derives text from HTML its own way when there is no text part; Mailpit derives it with html2text.
  const hasTextPart = !html || /content-type:\s*text\/plain/i.test(raw.toString("latin1"));
  const textPart = hasTextPart ? (mail.text ?? "") : "";
  const text = textPart === "" && html !== "" ? htmlToPlainText(html) : textPart;
  const all = mail.attachments.map(partSummary);
  const attachments: StoredPart[] = [];
  const inline: StoredPart[] = [];
  // enmime's sorting (envelope.go:322-344): "attachment" disposition or octet-stream is an attachment; every other
  // part (inline, or no disposition) is listed with the inline parts. Parts with no name and no Content-ID are not listed.
  mail.attachments.forEach((a, i) => {
    const part = all[i]!;
    if (!part.FileName && !part.ContentID) return;
    if (a.contentDisposition === "attachment" || a.contentType === "application/octet-stream")
      attachments.push(part);
    else inline.push(part);
  });
  const subject = mail.subject ?? "";
  const returnPath = (headerValue("return-path") ?? "").replace(/[<>]/g, "").trim() || from.Address;
  const searchText = cleanSearchText(
    [
      headerValue("from") ?? "",
      subject,
      headerValue("to") ?? "",
      headerValue("cc") ?? "",
      headerValue("bcc") ?? "",
      headerValue("reply-to") ?? "",
      headerValue("return-path") ?? "",
      (html ? stripHtml(html, true) : "") || text,
      ...attachments.map((a) => a.FileName),
    ].join(" "),
  );
  let malformed: string | null = null;
  if (!mail.headerLines.some((h) => h.key)) malformed = "the message has no header";
  else if (!fromList[0]?.Address) malformed = "the message has no valid From address";
  else if (to.length === 0 && cc.length === 0) malformed = "the message has no To or Cc address";
  return {
    messageId: (mail.messageId ?? "").replace(/^<|>$/g, ""),
    subject,
    from,
    to,
    cc,
    bcc,
    replyTo,
    returnPath,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text,
    html,
    snippet: createSnippet(text, html),
    searchText,
    attachments,
    inline,
    header: headerValue,
    malformed,
  };
}
