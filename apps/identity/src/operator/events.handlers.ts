import type { RouteHandler } from "@hono/zod-openapi";
import { desc, eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { normalizeFiscalCode } from "../credentials/store.ts";
import { citizens, events } from "../db/schema.ts";
import { notFound } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import type { citizenEventsRoute } from "./events.routes.ts";

export const citizenEvents =
  (ctx: IdentityContext): RouteHandler<typeof citizenEventsRoute, IdentityEnv> =>
  async (c) => {
    const fiscalCode = normalizeFiscalCode(c.req.valid("param").fiscalCode);
    const known = await ctx.db
      .select({ fc: citizens.fiscalCode })
      .from(citizens)
      .where(eq(citizens.fiscalCode, fiscalCode));
    if (known.length === 0) throw notFound("Cittadino");
    // Events some answers record after they have gone (recovery, a failed revocation) are read too.
    await ctx.background.idle();
    const rows = await ctx.db
      .select()
      .from(events)
      .where(eq(events.fiscalCode, fiscalCode))
      .orderBy(desc(events.at), desc(events.id))
      .limit(c.req.valid("query").limit ?? 500);
    return c.json(
      {
        fiscalCode,
        events: rows.map((e) => ({
          type: e.type,
          at: e.at.toISOString(),
          data: e.data,
          requestId: e.requestId,
        })),
      },
      200,
    );
  };
