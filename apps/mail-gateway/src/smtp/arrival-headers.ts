// What Mailpit writes into a message as it stores it (internal/smtpd/main.go SaveToDatabase, v1.30.5): Return-Path from
// MAIL FROM, a Message-ID when the sender gave none, and the envelope recipients the header does not name, in Bcc.
// SMTP adds a Received header before that (internal/smtpd/smtpd.go makeHeaders). The stored source, its Size, its
// headers and the searches over them then agree with Mailpit's.
import addressparser from "nodemailer/lib/addressparser/index.js";
import { newMessageId } from "../ids.ts";

export interface Arrival {
  /** MAIL FROM ("" for the null sender). */
  from: string;
  /** RCPT TO, in order. */
  to: string[];
}

/** The header block's end (the offset of the empty line's first byte), or the message's length when there is none. */
function headerEnd(text: string): number {
  if (text.startsWith("\r\n") || text.startsWith("\n")) return 0;
  const crlf = text.indexOf("\r\n\r\n");
  const lf = text.indexOf("\n\n");
  if (crlf < 0 && lf < 0) return text.length;
  if (crlf < 0) return lf + 1;
  if (lf < 0) return crlf + 2;
  return Math.min(crlf + 2, lf + 1);
}

/** The first field named `name` (case-insensitive) with its folded lines: where it starts and ends, and its value. */
function findField(raw: string, name: string): { start: number; end: number; value: string } | null {
  const head = raw.slice(0, headerEnd(raw));
  const re = new RegExp(`(^|\\n)(${name.replace(/[-]/g, "\\-")}:)`, "i");
  const m = re.exec(head);
  if (!m) return null;
  const start = m.index + m[1]!.length;
  let end = head.indexOf("\n", start);
  end = end < 0 ? head.length : end + 1;
  while (end < head.length && (head[end] === " " || head[end] === "\t")) {
    const next = head.indexOf("\n", end);
    end = next < 0 ? head.length : next + 1;
  }
  const value = head
    .slice(start + name.length + 1, end)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
  return { start, end, value };
}

/** Mailpit's tools.SetMessageHeader: replaces the first field of that name, or adds it on top. */
export function setHeader(raw: string, name: string, value: string): string {
  const line = `${name}: ${value}\r\n`;
  const found = findField(raw, name);
  if (!found || found.value === "") return line + raw;
  return raw.slice(0, found.start) + line + raw.slice(found.end);
}

/** Removes the first field of that name, with its folded lines. */
export function removeHeader(raw: string, name: string): string {
  const found = findField(raw, name);
  return found ? raw.slice(0, found.start) + raw.slice(found.end) : raw;
}

/** The value of the first field named `name`, unfolded; "" when there is none. */
export function headerValue(raw: string, name: string): string {
  return findField(raw, name)?.value ?? "";
}

const trimAngles = (v: string) => v.replace(/^[<>]+|[<>]+$/g, "");

/** A plausible address (Go's mail.ParseAddress accepts it): anything else on the envelope is ignored, as Mailpit does. */
const looksLikeAddress = (a: string) => /^[^\s@<>()",;]+@[^\s@<>()",;]+$/.test(a);

/** The addresses in an address field, groups opened. */
function flatAddresses(value: string): string[] {
  if (!value) return [];
  const out: string[] = [];
  const walk = (list: addressparser.AddressOrGroup[]) => {
    for (const a of list) {
      if ("group" in a && a.group) walk(a.group);
      else if (a.address) out.push(a.address);
    }
  };
  walk(addressparser(value));
  return out;
}

/** The addresses of the To, Cc and Bcc fields, lower-cased, and whether a Bcc field is there. */
function headerRecipients(raw: string): { addresses: Set<string>; hasBcc: boolean } {
  const addresses = new Set<string>();
  for (const name of ["To", "Cc", "Bcc"]) {
    const v = headerValue(raw, name);
    for (const a of flatAddresses(v)) addresses.add(a.toLowerCase());
  }
  return { addresses, hasBcc: headerValue(raw, "Bcc") !== "" };
}

/**
 * The message as Mailpit stores it. Mailpit's own code (main.go:124-130) replaces an existing Bcc field with ", " and
 * that field when envelope-only recipients are missing, which loses them; here they are added to it instead (see
 * docs/gateways-mail.md, "Where it differs from Mailpit").
 */
export function stampArrival(source: Buffer, arrival: Arrival, received?: string): Buffer {
  let raw = source.toString("latin1");
  // main.go:38-42: a bare CR before CRLF is dropped (senders that write \r\r\n).
  if (raw.includes("\r\r\n")) raw = raw.replaceAll("\r\r\n", "\r\n");
  if (received) raw = received + raw;
  if (trimAngles(headerValue(raw, "Return-Path")) !== arrival.from)
    raw = setHeader(raw, "Return-Path", `<${arrival.from}>`);
  if (trimAngles(headerValue(raw, "Message-ID")) === "")
    raw = `Message-ID: <${newMessageId()}@mailpit>\r\n` + raw;
  const { addresses, hasBcc } = headerRecipients(raw);
  const missing = arrival.to.filter((a) => looksLikeAddress(a) && !addresses.has(a.toLowerCase()));
  if (missing.length > 0) {
    const existing = hasBcc ? headerValue(raw, "Bcc") : "";
    raw = setHeader(raw, "Bcc", existing ? `${existing}, ${missing.join(", ")}` : missing.join(", "));
  }
  return Buffer.from(raw, "latin1");
}

/** Go's time format "Mon, 2 Jan 2006 15:04:05 -0700 (MST)" in UTC, as Mailpit's Received line writes it. */
export function receivedDate(at: Date): string {
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][at.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    at.getUTCMonth()
  ];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${day}, ${at.getUTCDate()} ${month} ${at.getUTCFullYear()} ${p(at.getUTCHours())}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())} +0000 (UTC)`;
}

/** smtpd.go makeHeaders: who connected, who received, for the first recipient, when. */
export function receivedHeader(fields: {
  helo: string;
  ip: string;
  by: string;
  app: string;
  to: string;
  at: Date;
}): string {
  return (
    `Received: from ${fields.helo} (unknown [${fields.ip}])\r\n` +
    `        by ${fields.by} (${fields.app}) with SMTP\r\n` +
    `        for <${fields.to}>; ${receivedDate(fields.at)}\r\n`
  );
}
