// Mailpit's search: a page of what matches, or deleting it all (Mailpit's search syntax, see search-query.ts).
import type { Context } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { badRequest, ok } from "../http/mailpit-text.ts";
import { pageOf } from "../http/paging.ts";
import { messagesSummary } from "../messages/messages.handlers.ts";

type C = Context<ServiceEnv>;
const queryOf = (c: C) => (c.req.query("query") ?? "").trim();

export const search = (ctx: MailContext) => async (c: C) => {
  const query = queryOf(c);
  if (!query) return badRequest(c, "Error: no search query");
  return c.json(
    await messagesSummary(
      ctx,
      query,
      pageOf((n) => c.req.query(n)),
    ),
  );
};

export const deleteSearch = (ctx: MailContext) => async (c: C) => {
  const query = queryOf(c);
  if (!query) return badRequest(c, "Error: no search query");
  await ctx.mailbox.store.deleteSearch(query, c.req.query("tz"));
  return ok(c);
};
