// Mailpit's POST /api/v1/send (server/apiv1/send.go, v1.30.5): a JSON message is built into MIME and stored through
// the same path as SMTP (Mailpit calls its SaveToDatabase; here Mailbox.accept), so the Return-Path, the Message-ID
// and the Bcc of envelope-only recipients are added just as for mail that arrived over SMTP.
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";
import { z } from "zod";
import { removeHeader } from "../smtp/arrival-headers.ts";

const named = z.object({ name: z.string().optional(), email: z.string().optional() });
/** The request as Mailpit's SendRequest declares it (field names matched case-insensitively, as Go's encoding/json). */
const sendRequest = z.object({
  from: named.optional(),
  to: z.array(named).nullish(),
  cc: z.array(named).nullish(),
  bcc: z.array(z.string()).nullish(),
  replyto: z.array(named).nullish(),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  attachments: z
    .array(
      z.object({
        content: z.string().optional(),
        filename: z.string().optional(),
        contenttype: z.string().optional(),
        contentid: z.string().optional(),
      }),
    )
    .nullish(),
  tags: z.array(z.string()).nullish(),
  headers: z.record(z.string(), z.string()).nullish(),
});

export interface BuiltMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

/** Lower-cases the keys of the request and of its address and attachment objects (not of Headers). */
function goKeys(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => goKeys(v, depth));
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.toLowerCase(),
      depth === 0 && k.toLowerCase() === "headers" ? v : goKeys(v, depth + 1),
    ]),
  );
}

/** Go's mail.ParseAddress, as far as a plain address goes. */
const validAddress = (a: string) => /^[^\s@<>()",;:]+@[^\s@<>()",;:]+$/.test(a.trim());

/** send.go:155: the headers a request may not set through Headers. */
const RESTRICTED = ["to", "from", "cc", "bcc", "reply-to", "date", "subject", "content-type", "mime-version"];

/** Builds the message Mailpit's send API would store; a string is the error Mailpit answers (400 {"Error": …}). */
export async function buildSendMessage(body: unknown): Promise<BuiltMessage | string> {
  const parsed = sendRequest.safeParse(goKeys(body ?? {}));
  if (!parsed.success)
    return `json: cannot unmarshal ${parsed.error.issues[0]?.path.join(".") ?? "body"} into Go struct field`;
  const req = parsed.data;
  const recipients: string[] = [];
  const list = (
    items: z.infer<typeof named>[] | null | undefined,
    label: string,
  ): { name: string; address: string }[] | string => {
    const out: { name: string; address: string }[] = [];
    for (const item of items ?? []) {
      const email = item.email ?? "";
      if (!validAddress(email)) return `invalid ${label} address: ${email}`;
      out.push({ name: item.name ?? "", address: email });
    }
    return out;
  };
  const to = list(req.to, "To");
  if (typeof to === "string") return to;
  const cc = list(req.cc, "Cc");
  if (typeof cc === "string") return cc;
  for (const e of req.bcc ?? []) if (!validAddress(e)) return `invalid Bcc address: ${e}`;
  const replyTo = list(req.replyto, "Reply-To");
  if (typeof replyTo === "string") return replyTo;
  recipients.push(...to.map((a) => a.address), ...cc.map((a) => a.address), ...(req.bcc ?? []));

  const headers: Record<string, string> = {};
  const restricted = [...RESTRICTED];
  if (req.tags && req.tags.length > 0) {
    headers["X-Tags"] = req.tags.join(", ");
    restricted.push("x-tags");
  }
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    if (restricted.includes(k.toLowerCase())) return `cannot overwrite header: "${k}"`;
    headers[k] = v;
  }

  const attachments: Mail.Attachment[] = [];
  for (const a of req.attachments ?? []) {
    const content = (a.content ?? "").split(",").at(-1)!;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0)
      return `error decoding base64 attachment "${a.filename ?? ""}": illegal base64 data`;
    attachments.push({
      filename: a.filename ?? "",
      content: Buffer.from(content, "base64"),
      ...(a.contenttype ? { contentType: a.contenttype } : {}),
      ...(a.contentid ? { cid: a.contentid } : {}),
    });
  }

  const fromEmail = req.from?.email ?? "";
  if (!fromEmail) return "error building message: from not set";
  if (recipients.length === 0) return "error building message: no recipients (to, cc, bcc) set";

  const givenId = Object.keys(headers).find((k) => k.toLowerCase() === "message-id");
  const composer = new MailComposer({
    from: { name: req.from?.name ?? "", address: fromEmail },
    to,
    cc,
    replyTo,
    subject: req.subject ?? "",
    text: req.text ?? "",
    ...(req.html ? { html: req.html } : {}),
    attachments,
    headers,
  });
  let raw = (await composer.compile().build()).toString("latin1");
  // Mailpit's builder writes no Message-ID; the one the store adds is <…@mailpit>, unless the request gave one.
  if (!givenId) raw = removeHeader(raw, "Message-ID");
  return { raw: Buffer.from(raw, "latin1"), envelope: { from: fromEmail, to: recipients } };
}
