import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { sessions } from "../db/schema.ts";
import type { IdentityEnv } from "../http/router.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { logIn } from "./login.ts";
import type { loginRoute, logoutRoute } from "./sessions.routes.ts";

export const login =
  (ctx: IdentityContext): RouteHandler<typeof loginRoute, IdentityEnv> =>
  async (c) =>
    c.json(await logIn(ctx, c.req.valid("json"), c.get("requestId")), 201);

export const logout =
  (ctx: IdentityContext): RouteHandler<typeof logoutRoute, IdentityEnv> =>
  async (c) => {
    const session = c.get("citizenSession");
    const now = ctx.clock.now();
    await ctx.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.tokenHash, session.tokenHash), isNull(sessions.endedAt)));
    await recordEvent(ctx.db, {
      fiscalCode: session.fiscalCode,
      type: "logged-out",
      at: now,
      requestId: c.get("requestId"),
    });
    return c.body(null, 204);
  };
