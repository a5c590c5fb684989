// Mailpit's message handlers: the list, one message (its JSON, headers, source, parts, text and HTML views), and
// marking and deleting messages; field names, plain-text "ok" answers and quirks as Mailpit's own.
import type { Context } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { badRequest, notFound, ok, readGoJson, stringList } from "../http/mailpit-text.ts";
import { MAX_IDS, pageOf, resolveId } from "../http/paging.ts";
import { MESSAGE_ID_PATTERN } from "../ids.ts";
import { dateHeaderOffset, goTime } from "../http/go-time.ts";
import { headerMap } from "../mime/headers.ts";
import { embedHtml, linkInlineImages } from "./html-view.ts";
import type { SimpleParserOptions } from "mailparser";
import { loadSimpleParser, PARSER_OPTIONS } from "../mime/parse.ts";
import type { MessageSummary, Page, StoredMessage } from "./messages.store.ts";

type C = Context<ServiceEnv>;

interface MessagesSummary {
  total: number;
  unread: number;
  count: number;
  messages_count: number;
  messages_unread: number;
  start: number;
  tags: string[];
  messages: MessageSummary[];
}

/** The header that tells a resent message (same Message-ID, same sender), only on one that was resent. */
export const REDELIVERIES_HEADER = "X-Simulator-Redeliveries";

/** A page of the mailbox or of a search, with Mailpit's totals (the list and the search answer alike). */
export async function messagesSummary(
  ctx: MailContext,
  search: string,
  page: Page,
): Promise<MessagesSummary> {
  const store = ctx.mailbox.store;
  const [messages, stats] = await Promise.all([store.page(search, page), store.stats()]);
  const counts = search
    ? (countedByPage(page, messages) ?? (await store.count(search, page.before, page.tz)))
    : null;
  return {
    total: stats.total,
    unread: stats.unread,
    count: messages.length,
    messages_count: counts ? counts.count : stats.total,
    messages_unread: counts ? counts.unread : stats.unread,
    start: page.start,
    tags: stats.tags,
    messages,
  };
}

/**
 * A first page that is not full holds every match: its length is the search's count, so the count query (a scan of
 * the matches) is not needed. A client waiting for one citizen's mail asks for such pages many times.
 */
function countedByPage(page: Page, messages: MessageSummary[]): { count: number; unread: number } | null {
  if (page.start !== 0 || page.limit === 0 || messages.length >= page.limit) return null;
  return { count: messages.length, unread: messages.filter((m) => !m.Read).length };
}

function listUnsubscribe(headers: Record<string, string[]>) {
  const header = headers["List-Unsubscribe"]?.[0] ?? "";
  const links = [...header.matchAll(/<([^>]+)>/g)]
    .map((m) => m[1]!)
    .filter((l) => /^(https?:|mailto:)/i.test(l));
  return {
    Header: header,
    Links: links,
    Errors: "",
    HeaderPost: headers["List-Unsubscribe-Post"]?.[0] ?? "",
  };
}

function messageBody(m: StoredMessage) {
  const headers = headerMap(m.raw);
  const s = m.summary;
  return {
    ID: s.ID,
    MessageID: s.MessageID,
    From: s.From,
    To: s.To,
    Cc: s.Cc,
    Bcc: s.Bcc,
    ReplyTo: s.ReplyTo,
    ReturnPath: m.returnPath,
    Subject: s.Subject,
    ListUnsubscribe: listUnsubscribe(headers),
    // Mailpit (storage/messages.go:345-365): the Date header at the sender's offset, else the time of arrival.
    Date: m.date ? goTime(m.date, dateHeaderOffset(headers["Date"]?.[0] ?? "")) : s.Created,
    Tags: s.Tags,
    Username: s.Username,
    Text: m.text,
    HTML: m.html,
    Size: s.Size,
    Inline: m.inline,
    Attachments: m.attachments,
  };
}

function withRedeliveries(headers: Record<string, string[]>, redeliveries: number): Record<string, string[]> {
  if (redeliveries === 0) return headers;
  const all: Record<string, string[]> = { ...headers, [REDELIVERIES_HEADER]: [String(redeliveries)] };
  return Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k]!]),
  );
}

/** `latest` with nothing to show answers Mailpit's "Message not found"; any other unknown ID its plain 404. */
const missing = (c: C) => (c.req.param("ID") === "latest" ? notFound(c, "Message not found") : notFound(c));

export const listMessages = (ctx: MailContext) => async (c: C) =>
  c.json(
    await messagesSummary(
      ctx,
      "",
      pageOf((n) => c.req.query(n)),
    ),
  );

export const setReadStatus = (ctx: MailContext) => async (c: C) => {
  const body = await readGoJson(c);
  if (!body.ok) return badRequest(c, body.error);
  const ids = stringList(body.value.ids, "IDs");
  if ("error" in ids) return badRequest(c, ids.error);
  const read = body.value.read ?? false;
  if (typeof read !== "boolean")
    return badRequest(c, "json: cannot unmarshal Read into Go struct field of type bool");
  const search = body.value.search ?? "";
  if (typeof search !== "string")
    return badRequest(c, "json: cannot unmarshal Search into Go struct field of type string");
  if (ids.length > 0 && search.trim() !== "")
    return badRequest(c, "You may specify either IDs or a search query, not both");
  if (ids.length > MAX_IDS) return badRequest(c, `at most ${MAX_IDS} IDs at a time`);
  const valid = ids.filter((id) => MESSAGE_ID_PATTERN.test(id));
  // IDs given but none valid: nothing to change (not "every message", which is what no IDs means).
  if (ids.length > 0 && valid.length === 0) return ok(c);
  await ctx.mailbox.store.setRead(read, { ids: valid, search: search.trim(), tz: c.req.query("tz") });
  return ok(c);
};

export const deleteMessages = (ctx: MailContext) => async (c: C) => {
  const body = await readGoJson(c);
  if (!body.ok) return badRequest(c, body.error);
  const ids = stringList(body.value.ids, "IDs");
  if ("error" in ids) return badRequest(c, ids.error);
  if (ids.length > MAX_IDS) return badRequest(c, `at most ${MAX_IDS} IDs at a time`);
  // Mailpit's quirk: no IDs means every message.
  if (ids.length === 0) await ctx.mailbox.store.deleteAll();
  else await ctx.mailbox.store.deleteIds(ids.filter((id) => MESSAGE_ID_PATTERN.test(id)));
  return ok(c);
};

export const getMessage = (ctx: MailContext) => async (c: C) => {
  const id = await resolveId(ctx, c.req.param("ID")!, c.req.query("query"));
  if (!id) return missing(c);
  const message = await ctx.mailbox.store.get(id);
  if (!message) return notFound(c);
  // Reading a message marks it read, as in Mailpit.
  if (!message.summary.Read) await ctx.mailbox.store.markRead(id);
  return c.json(messageBody(message));
};

export const getHeaders = (ctx: MailContext) => async (c: C) => {
  const id = await resolveId(ctx, c.req.param("ID")!, c.req.query("query"));
  if (!id) return missing(c);
  const source = await ctx.mailbox.store.source(id);
  if (!source) return notFound(c);
  return c.json(withRedeliveries(headerMap(source.raw), source.redeliveries));
};

export const getRaw = (ctx: MailContext) => async (c: C) => {
  const id = await resolveId(ctx, c.req.param("ID")!, c.req.query("query"));
  if (!id) return missing(c);
  const raw = await ctx.mailbox.store.raw(id);
  if (!raw) return notFound(c);
  const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
  if (c.req.query("dl") === "1") headers["content-disposition"] = `attachment; filename="${id}.eml"`;
  return new Response(new Uint8Array(raw), { status: 200, headers });
};

export const getPart = (ctx: MailContext) => async (c: C) => {
  const id = await resolveId(ctx, c.req.param("ID")!, c.req.query("query"));
  const partId = c.req.param("PartID")!;
  if (!id || !/^[0-9.]{1,32}$/.test(partId)) return notFound(c);
  const raw = await ctx.mailbox.store.raw(id);
  if (!raw) return notFound(c);
  const parsed = await (
    await loadSimpleParser()
  )(raw, { ...PARSER_OPTIONS, skipHtmlToText: true } as SimpleParserOptions);
  const part = parsed.attachments.find((a) => a.partId === partId);
  if (!part) return notFound(c);
  const name = part.filename ?? part.cid ?? `part-${partId}`;
  return new Response(new Uint8Array(part.content), {
    status: 200,
    headers: {
      "content-type": part.contentType,
      "content-disposition": `inline; filename="${encodeURIComponent(name)}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox",
    },
  });
};

/** Mailpit's /view/{id}.txt and /view/{id}.html (what mailpit-api's renderMessageText/HTML read). */
export const viewPart = (ctx: MailContext) => async (c: C, next: () => Promise<void>) => {
  const file = c.req.param("file")!;
  if (!file.includes(".")) return next(); // /view/{id} is the inbox page's message view
  const m = /^([A-Za-z0-9_-]{1,64})\.(txt|html)$/.exec(file);
  if (!m) return notFound(c);
  const id = await resolveId(ctx, m[1]!, c.req.query("query"));
  const message = id ? await ctx.mailbox.store.get(id) : null;
  if (!message) return notFound(c);
  if (m[2] === "txt")
    return new Response(message.text, { headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!message.html) return notFound(c, "This message does not contain a HTML part");
  const linked = linkInlineImages(message.html, message.summary.ID, [
    ...message.inline,
    ...message.attachments,
  ]);
  // Sandboxed: no script of the sender's runs; with embed=1 only our own (nonce) script does.
  const sandbox = "sandbox; default-src 'none'; img-src * data: cid:; style-src 'unsafe-inline'";
  if (c.req.query("embed") === "1") {
    const { html, nonce } = embedHtml(linked);
    return new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": `sandbox allow-scripts; default-src 'none'; img-src * data: cid:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'`,
      },
    });
  }
  return new Response(linked, {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": sandbox },
  });
};
