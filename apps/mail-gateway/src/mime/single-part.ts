// The most common message, one text/plain part, read without mailparser's streams. It is read by the parts
// mailparser itself is built from (mailsplit's MimeNode for the structure, mailparser's own header processing,
// libqp for quoted-printable), so the answer is the one mailparser gives, at a fraction of the cost; a test holds
// the two to that. Anything else (multipart, HTML, attachments, other charsets, base64, flowed text) answers null
// and goes to mailparser.
import type { ParsedMail } from "./parse.ts";

type Node = {
  contentType: string | false;
  multipart: string | false;
  flowed: boolean;
  disposition: string | false;
  charset: string | false;
  encoding: string | false;
  headers: { getList(): { key: string; line: string }[] } | false;
  addHeaderChunk(line: Buffer): boolean;
  parseHeaders(): void;
};

interface Parts {
  newNode(): Node;
  processHeaders(lines: { key: string; line: string }[]): ParsedMail["headers"];
  decodeQp(body: Buffer): Buffer;
}

let parts: Promise<Parts> | null = null;

/** Loaded on first use, as mailparser is: start-up does not pay for them. */
function loadParts(): Promise<Parts> {
  parts ??= Promise.all([import("@zone-eu/mailsplit/lib/mime-node.js"), import("mailparser"), import("libqp")]).then(
    ([mimeNode, mailparser, libqp]) => {
      const MimeNode = mimeNode.default as unknown as new (parent: false, config: object) => Node;
      // processHeaders keeps no state of its own between calls: one parser serves every message. The HTML rendering
      // of address headers is the one part of its answer nothing here reads (fromMail reads `value` and `text`).
      const parser = new mailparser.MailParser() as unknown as { processHeaders: Parts["processHeaders"]; getAddressesHTML(): string };
      parser.getAddressesHTML = () => "";
      return {
        newNode: () => new MimeNode(false, {}),
        processHeaders: (lines) => parser.processHeaders(lines),
        decodeQp: (body) => libqp.decode(body),
      };
    },
  );
  return parts;
}

/** Headers larger than this go to mailparser, which enforces its own limits on them. */
const MAX_HEAD_BYTES = 64 * 1024;
const PLAIN_CHARSETS = new Set(["ascii", "usascii", "utf8"]);
// simpleParser copies these headers onto the mail object, under camel-cased names.
const COPIED = ["subject", "references", "date", "to", "from", "cc", "bcc", "message-id", "in-reply-to", "reply-to"];

/** The header block (up to and including the empty line that ends it, as mailsplit splits lines) and the body. */
function splitHead(raw: Buffer): { head: Buffer; body: Buffer } | null {
  let start = 0;
  while (start < raw.length && start <= MAX_HEAD_BYTES) {
    const nl = raw.indexOf(0x0a, start);
    if (nl < 0) return null;
    const empty = nl === start || (nl === start + 1 && raw[start] === 0x0d);
    if (empty) return start === 0 ? null : { head: raw.subarray(0, nl + 1), body: raw.subarray(nl + 1) };
    start = nl + 1;
  }
  return null;
}

export async function readSinglePart(raw: Buffer): Promise<ParsedMail | null> {
  const split = splitHead(raw);
  if (!split) return null;
  const { newNode, processHeaders, decodeQp } = await loadParts();
  const node = newNode();
  node.addHeaderChunk(split.head);
  node.parseHeaders();
  // A root node without a type is text/plain to mailparser; a disposition other than inline makes it an attachment.
  if ((node.contentType || "text/plain") !== "text/plain" || node.multipart || node.flowed) return null;
  if (node.disposition && node.disposition !== "inline") return null;
  if (!PLAIN_CHARSETS.has((node.charset || "utf-8").toLowerCase().replace(/[^a-z0-9]+/g, ""))) return null;
  if (node.encoding === "base64" || !node.headers) return null;

  const lines = node.headers.getList();
  const headers = processHeaders(lines);
  const decoded = node.encoding === "quoted-printable" ? decodeQp(split.body) : split.body;
  const text = decoded.toString().replace(/\r?\n/g, "\n");
  const mail: Record<string, unknown> = { headers, headerLines: lines, attachments: [], html: false };
  if (text) mail.text = text;
  for (const key of COPIED) {
    if (headers.has(key)) mail[key.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())] = headers.get(key);
  }
  return mail as unknown as ParsedMail;
}
