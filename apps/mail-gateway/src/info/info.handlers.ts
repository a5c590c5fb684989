// Mailpit's /api/v1/info (the mailbox, the database, the SMTP counters) and /api/v1/webui (the UI's settings).
import type { Context } from "hono";
import { rowsOf } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";

export const VERSION = "v1.27.0-inps-sim";

type C = Context<ServiceEnv>;

export const info = (ctx: MailContext) => async (c: C) => {
  const store = ctx.mailbox.store;
  const stats = await store.stats();
  const [size] = rowsOf<{ n: number | string | null }>(
    await ctx.db.execute(
      sql`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'mail' and c.relkind = 'r'`,
    ),
  );
  const r = ctx.mailbox.runtime;
  return c.json({
    Version: VERSION,
    LatestVersion: "disabled",
    Database: ctx.databaseLocation,
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
};

export const webUi = (ctx: MailContext) => (c: C) =>
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
    ChaosEnabled: ctx.chaosEnabled,
    DuplicatesIgnored: false,
    HideDeleteAllButton: false,
  });
