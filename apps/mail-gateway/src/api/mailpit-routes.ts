// Mailpit's REST API (v1) over our store, with Mailpit's field names, plain-text "ok" answers and quirks.
import type { Hono } from "hono";
import { rowsOf, type Database } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import type { ServiceEnv } from "@inps-sim/service-kit";
import { MESSAGE_ID_PATTERN } from "../ids.ts";
import type { Mailbox } from "../mailbox.ts";
import { headerMap } from "../mime/headers.ts";
import { loadSimpleParser } from "../mime/parse.ts";
import { chaosSchema, type SmtpFaults } from "../smtp/faults.ts";
import type { MessageSummary, Page, StoredMessage } from "../store/mail-store.ts";
import { badRequest, notFound, ok, readGoJson, stringList } from "./mailpit-text.ts";

export const MAX_PAGE = 1000;
export const MAX_IDS = 10_000;
export const VERSION = "v1.27.0-inps-sim";

export interface MailpitApiDeps {
  mailbox: Mailbox;
  smtpFaults: SmtpFaults;
  db: Database;
  databaseLocation: string;
  chaosEnabled: boolean;
}

function intParam(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** Mailpit's getStartLimit: start ≥ 0 (default 0), limit default 50; we cap a page at MAX_PAGE. */
export function pageOf(query: (name: string) => string | undefined): Page {
  const s = intParam(query("start"));
  const l = intParam(query("limit"));
  const start = s !== null && s > 0 ? s : 0;
  let limit = l !== null && l > -1 ? l : 50;
  if (limit === 0 || limit > MAX_PAGE) limit = MAX_PAGE;
  const b = query("before");
  const t = b ? Date.parse(b) : Number.NaN;
  return { start, limit, before: Number.isNaN(t) ? undefined : new Date(t) };
}

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

function listUnsubscribe(headers: Record<string, string[]>) {
  const header = headers["List-Unsubscribe"]?.[0] ?? "";
  const links = [...header.matchAll(/<([^>]+)>/g)].map((m) => m[1]!).filter((l) => /^(https?:|mailto:)/i.test(l));
  return { Header: header, Links: links, Errors: "", HeaderPost: headers["List-Unsubscribe-Post"]?.[0] ?? "" };
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
    Date: (m.date ?? new Date(s.Created)).toISOString(),
    Tags: s.Tags,
    Username: s.Username,
    Text: m.text,
    HTML: m.html,
    Size: s.Size,
    Inline: m.inline,
    Attachments: m.attachments,
  };
}

export function mountMailpitApi(app: Hono<ServiceEnv>, deps: MailpitApiDeps): void {
  const { mailbox, smtpFaults } = deps;
  const store = mailbox.store;

  app.use("/api/v1/*", async (_c, next) => {
    await mailbox.deliverDue();
    await next();
  });
  app.use("/view/*", async (_c, next) => {
    await mailbox.deliverDue();
    await next();
  });

  /** `latest` (optionally the latest matching ?query=) or a stored ID; null when there is none. */
  const resolveId = async (id: string, query: string | undefined): Promise<string | null> => {
    if (id === "latest") return store.latestId((query ?? "").trim());
    return MESSAGE_ID_PATTERN.test(id) ? id : null;
  };

  const summaryOf = async (search: string, page: Page): Promise<MessagesSummary> => {
    const [messages, stats, counts] = await Promise.all([
      store.page(search, page),
      store.stats(),
      search ? store.count(search, page.before) : Promise.resolve(null),
    ]);
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
  };

  app.get("/api/v1/messages", async (c) => c.json(await summaryOf("", pageOf((n) => c.req.query(n)))));

  app.put("/api/v1/messages", async (c) => {
    const body = await readGoJson(c);
    if (!body.ok) return badRequest(c, body.error);
    const ids = stringList(body.value.ids, "IDs");
    if ("error" in ids) return badRequest(c, ids.error);
    const read = body.value.read ?? false;
    if (typeof read !== "boolean") return badRequest(c, "json: cannot unmarshal Read into Go struct field of type bool");
    const search = body.value.search ?? "";
    if (typeof search !== "string") return badRequest(c, "json: cannot unmarshal Search into Go struct field of type string");
    if (ids.length > 0 && search.trim() !== "") return badRequest(c, "You may specify either IDs or a search query, not both");
    if (ids.length > MAX_IDS) return badRequest(c, `at most ${MAX_IDS} IDs at a time`);
    const valid = ids.filter((id) => MESSAGE_ID_PATTERN.test(id));
    // IDs given but none valid: nothing to change (not "every message", which is what no IDs means).
    if (ids.length > 0 && valid.length === 0) return ok(c);
    await store.setRead(read, { ids: valid, search: search.trim() });
    return ok(c);
  });

  app.delete("/api/v1/messages", async (c) => {
    const body = await readGoJson(c);
    if (!body.ok) return badRequest(c, body.error);
    const ids = stringList(body.value.ids, "IDs");
    if ("error" in ids) return badRequest(c, ids.error);
    if (ids.length > MAX_IDS) return badRequest(c, `at most ${MAX_IDS} IDs at a time`);
    // Mailpit's quirk: no IDs means every message.
    if (ids.length === 0) await store.deleteAll();
    else await store.deleteIds(ids.filter((id) => MESSAGE_ID_PATTERN.test(id)));
    return ok(c);
  });

  app.get("/api/v1/search", async (c) => {
    const query = (c.req.query("query") ?? "").trim();
    if (!query) return badRequest(c, "Error: no search query");
    return c.json(await summaryOf(query, pageOf((n) => c.req.query(n))));
  });

  app.delete("/api/v1/search", async (c) => {
    const query = (c.req.query("query") ?? "").trim();
    if (!query) return badRequest(c, "Error: no search query");
    await store.deleteSearch(query);
    return ok(c);
  });

  app.get("/api/v1/message/:id", async (c) => {
    const id = await resolveId(c.req.param("id"), c.req.query("query"));
    if (!id) return c.req.param("id") === "latest" ? notFound(c, "Message not found") : notFound(c);
    const message = await store.get(id);
    if (!message) return notFound(c);
    // Reading a message marks it read, as in Mailpit.
    if (!message.summary.Read) await store.markRead(id);
    return c.json(messageBody(message));
  });

  app.get("/api/v1/message/:id/headers", async (c) => {
    const id = await resolveId(c.req.param("id"), c.req.query("query"));
    if (!id) return c.req.param("id") === "latest" ? notFound(c, "Message not found") : notFound(c);
    const raw = await store.raw(id);
    if (!raw) return notFound(c);
    return c.json(headerMap(raw));
  });

  app.get("/api/v1/message/:id/raw", async (c) => {
    const id = await resolveId(c.req.param("id"), c.req.query("query"));
    if (!id) return c.req.param("id") === "latest" ? notFound(c, "Message not found") : notFound(c);
    const raw = await store.raw(id);
    if (!raw) return notFound(c);
    const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
    if (c.req.query("dl") === "1") headers["content-disposition"] = `attachment; filename="${id}.eml"`;
    return new Response(new Uint8Array(raw), { status: 200, headers });
  });

  app.get("/api/v1/message/:id/part/:partId", async (c) => {
    const id = await resolveId(c.req.param("id"), c.req.query("query"));
    const partId = c.req.param("partId");
    if (!id || !/^[0-9.]{1,32}$/.test(partId)) return notFound(c);
    const raw = await store.raw(id);
    if (!raw) return notFound(c);
    const parsed = await (await loadSimpleParser())(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
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
  });

  app.get("/api/v1/info", async (c) => {
    const stats = await store.stats();
    const [size] = rowsOf<{ n: number | string | null }>(
      await deps.db.execute(
        sql`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'mail' and c.relkind = 'r'`,
      ),
    );
    const r = mailbox.runtime;
    return c.json({
      Version: VERSION,
      LatestVersion: "disabled",
      Database: deps.databaseLocation,
      DatabaseSize: Number(size?.n ?? 0),
      Messages: stats.total,
      Unread: stats.unread,
      Tags: await store.tagCounts(),
      RuntimeStats: {
        Uptime: Math.floor((Date.now() - r.startedAt) / 1000),
        Memory: process.memoryUsage().rss,
        MessagesDeleted: store.deletedCount,
        SMTPAccepted: r.SMTPAccepted,
        SMTPAcceptedSize: r.SMTPAcceptedSize,
        SMTPRejected: r.SMTPRejected,
        SMTPIgnored: r.SMTPIgnored,
      },
    });
  });

  app.get("/api/v1/webui", (c) =>
    c.json({
      Label: "INPS simulator",
      MessageRelay: {
        Enabled: false,
        SMTPServer: "",
        ReturnPath: "",
        AllowedRecipients: "",
        BlockedRecipients: "",
        OverrideFrom: "",
        PreserveMessageIDs: false,
        RecipientAllowlist: "",
      },
      SpamAssassin: false,
      ChaosEnabled: deps.chaosEnabled,
      DuplicatesIgnored: false,
      HideDeleteAllButton: false,
    }),
  );

  app.get("/api/v1/tags", async (c) => c.json(await store.allTags()));

  app.put("/api/v1/tags", async (c) => {
    const body = await readGoJson(c);
    if (!body.ok) return badRequest(c, body.error);
    const ids = stringList(body.value.ids, "IDs");
    if ("error" in ids) return badRequest(c, ids.error);
    const tagList = stringList(body.value.tags, "Tags");
    if ("error" in tagList) return badRequest(c, tagList.error);
    if (ids.length > MAX_IDS || tagList.length > 100) return badRequest(c, "too many IDs or tags");
    const valid = ids.filter((id) => MESSAGE_ID_PATTERN.test(id));
    if (valid.length > 0) await store.setTags(valid, tagList);
    return ok(c);
  });

  app.put("/api/v1/tags/:tag", async (c) => {
    const body = await readGoJson(c);
    if (!body.ok) return badRequest(c, body.error);
    const name = body.value.name;
    if (typeof name !== "string") return badRequest(c, "invalid tag name");
    try {
      await store.renameTag(c.req.param("tag"), name);
    } catch (error) {
      return badRequest(c, error instanceof Error ? error.message : "cannot rename the tag");
    }
    return ok(c);
  });

  app.delete("/api/v1/tags/:tag", async (c) => {
    await store.deleteTag(c.req.param("tag"));
    return ok(c);
  });

  app.get("/api/v1/chaos", (c) => (deps.chaosEnabled ? c.json(smtpFaults.chaos) : badRequest(c, "Chaos is not enabled")));

  app.put("/api/v1/chaos", async (c) => {
    if (!deps.chaosEnabled) return badRequest(c, "Chaos is not enabled");
    const body = await readGoJson(c);
    if (!body.ok) return badRequest(c, body.error);
    // Go matches field names case-insensitively, at every level.
    const trigger = (v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v).map(([k, x]) => [k.toLowerCase() === "errorcode" ? "ErrorCode" : k.toLowerCase() === "probability" ? "Probability" : k, x]),
          )
        : v;
    const parsed = chaosSchema.safeParse({
      Sender: trigger(body.value.sender),
      Recipient: trigger(body.value.recipient),
      Authentication: trigger(body.value.authentication),
    });
    if (!parsed.success) return badRequest(c, "invalid chaos triggers");
    try {
      return c.json(smtpFaults.setChaos(parsed.data));
    } catch (error) {
      return badRequest(c, error instanceof Error ? error.message : "invalid chaos triggers");
    }
  });

  // Mailpit's /view/{id}.txt and /view/{id}.html (what mailpit-api's renderMessageText/HTML read).
  app.get("/view/:file", async (c, next) => {
    const file = c.req.param("file");
    if (!file.includes(".")) return next(); // /view/{id} is the inbox page's message view
    const m = /^([A-Za-z0-9_-]{1,64})\.(txt|html)$/.exec(file);
    if (!m) return notFound(c);
    const id = await resolveId(m[1]!, c.req.query("query"));
    const message = id ? await store.get(id) : null;
    if (!message) return notFound(c);
    if (m[2] === "txt") return new Response(message.text, { headers: { "content-type": "text/plain; charset=utf-8" } });
    if (!message.html) return notFound(c);
    return new Response(message.html, {
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "sandbox; default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'" },
    });
  });
}
