// The most common message, one text/plain part, read with public APIs only: postal-mime (no streams) for the
// structure, the header list and the body, and mailparser's parseAddressHeader for the address headers, so that the
// answer is the one simpleParser gives (a test holds the two to that on thousands of generated messages) at about
// half its cost. Anything else (multipart, HTML, attachments, other charsets, base64, flowed text, MIME parameters
// with comments, 8-bit bytes in the header, which simpleParser reads its own way) answers null and goes to simpleParser.
import type { AddressObject } from "mailparser";
import type { Email } from "postal-mime";
import type { ParsedMail } from "./parse.ts";

interface Readers {
  parse(raw: Buffer): Promise<Email>;
  addresses(value: string[]): AddressObject;
}

let readers: Promise<Readers> | null = null;

/** Loaded on first use, as mailparser is: start-up does not pay for them. */
function loadReaders(): Promise<Readers> {
  readers ??= Promise.all([import("postal-mime"), import("mailparser")]).then(([postal, mailparser]) => ({
    parse: (raw) => postal.default.parse(raw),
    addresses: (value) => mailparser.parseAddressHeader(value),
  }));
  return readers;
}

/** Headers larger than this go to simpleParser, which enforces its own limits on them. */
const MAX_HEAD_BYTES = 64 * 1024;
const PLAIN_CHARSETS = new Set(["ascii", "usascii", "utf8"]);
const ADDRESS_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "sender",
  "reply-to",
  "delivered-to",
  "return-path",
  "disposition-notification-to",
]);
/** Headers of which simpleParser keeps only the first occurrence. */
const SINGLE = new Set([
  "message-id",
  "content-id",
  "from",
  "sender",
  "in-reply-to",
  "reply-to",
  "subject",
  "date",
  "content-disposition",
  "content-type",
  "content-transfer-encoding",
  "mime-version",
  "content-description",
  "precedence",
  "errors-to",
  "disposition-notification-to",
]);

/** `text/plain; charset="UTF-8"` → the type and its parameters (lower-case names); null when it has comments. */
function mimeValue(value: string | undefined): { type: string; params: Map<string, string> } | null {
  if (value === undefined) return { type: "", params: new Map() };
  if (value.includes("(")) return null;
  const [type = "", ...rest] = value.split(";");
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq < 0) continue;
    params.set(
      p.slice(0, eq).trim().toLowerCase(),
      p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1"),
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

/** mailparser's ensureMessageIDFormat. */
const messageIdFormat = (value: string) =>
  value ? `${value.startsWith("<") ? "" : "<"}${value}${value.endsWith(">") ? "" : ">"}` : "";

function headEnd(raw: Buffer): number {
  const limit = Math.min(raw.length, MAX_HEAD_BYTES);
  for (let start = 0; start < limit;) {
    const nl = raw.indexOf(0x0a, start);
    if (nl < 0) return -1;
    if (nl === start || (nl === start + 1 && raw[start] === 0x0d)) return start;
    start = nl + 1;
  }
  return -1;
}

export async function readSinglePart(raw: Buffer): Promise<ParsedMail | null> {
  // A message without a header block, or with one that never ends (or is huge), or 8-bit, is simpleParser's.
  const end = headEnd(raw);
  if (end <= 0) return null;
  for (let i = 0; i < end; i++) if (raw[i]! >= 0x80) return null;
  const { parse, addresses } = await loadReaders();
  const email = await parse(raw);
  const first = (key: string) => email.headers.find((h) => h.key === key)?.value;
  const type = mimeValue(first("content-type"));
  const disposition = mimeValue(first("content-disposition"));
  if (!type || !disposition) return null;
  if (
    (type.type || "text/plain") !== "text/plain" ||
    (type.params.get("format") ?? "").toLowerCase() === "flowed"
  )
    return null;
  const charset = (type.params.get("charset") ?? "utf-8").toLowerCase().replace(/[^a-z0-9]+/g, "");
  if (!PLAIN_CHARSETS.has(charset)) return null;
  // 8-bit text declared US-ASCII: simpleParser reads it as UTF-8, postal-mime as Latin-1.
  if (charset !== "utf8" && raw.subarray(end).some((byte) => byte >= 0x80)) return null;
  if (disposition.type && disposition.type !== "inline") return null;
  const encoding = (first("content-transfer-encoding") ?? "").trim().toLowerCase();
  if (encoding === "base64" || email.attachments.length > 0) return null;
  // Quoted-printable lines that end in white space: libqp drops it (RFC 2045 6.7), postal-mime keeps it.
  if (encoding === "quoted-printable" && /[ \t](\r?\n|$)/.test(raw.toString("latin1", end))) return null;

  const headers = new Map<string, unknown>();
  const add = (key: string, value: unknown) => {
    if (!headers.has(key)) headers.set(key, value);
    else if (!SINGLE.has(key)) headers.set(key, [...[headers.get(key)].flat(), value]);
  };
  for (const { key, value } of email.headers) {
    if (ADDRESS_HEADERS.has(key)) add(key, addresses([value]));
    else if (key === "date") {
      const date = new Date(value);
      add(key, Number.isNaN(date.getTime()) ? new Date() : date);
    } else if (key === "subject") add(key, email.subject ?? value);
    else if (key === "message-id") {
      const id = messageIdFormat(email.messageId ?? "");
      if (id) add(key, id);
    } else if (value) add(key, value);
  }
  const text = (email.text ?? "").replace(/\r?\n/g, "\n");
  const mail: Record<string, unknown> = {
    headers,
    headerLines: email.headerLines ?? [],
    attachments: [],
    html: false,
  };
  if (text) mail.text = text;
  for (const [key, field] of [
    ["from", "from"],
    ["to", "to"],
    ["cc", "cc"],
    ["bcc", "bcc"],
    ["reply-to", "replyTo"],
    ["subject", "subject"],
    ["message-id", "messageId"],
    ["date", "date"],
  ] as const) {
    if (headers.has(key)) mail[field] = headers.get(key);
  }
  return mail as unknown as ParsedMail;
}
