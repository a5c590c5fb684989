// Bearer-session middleware. A session with a requiredAction may only do that action (403 action-required),
// except the routes that stay open to it (GET /me, DELETE /sessions/current). A block after a wrong PIN stops
// every service (R08): a session opened before it gets 423 locked until it ends; only logging out stays open.
import { isLocked, type RequiredAction } from "@inps-sim/domain";
import { and, eq, gt, isNull, notInArray } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { IdentityContext } from "../context.ts";
import { credentials, sessions } from "../db/schema.ts";
import { actionRequired, locked, unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { bearerToken, hashToken } from "./tokens.ts";

export interface SessionInfo {
  tokenHash: string;
  credentialId: string;
  fiscalCode: string;
  requiredAction: RequiredAction | null;
}

/**
 * `allow`: the required actions this route completes ("any" for routes open to every session).
 * `duringBlock`: "refuse" (every service, R08) or "allow" (logging out).
 */
export function requireSession(
  ctx: IdentityContext,
  allow: readonly RequiredAction[] | "any" = [],
  duringBlock: "refuse" | "allow" = "refuse",
): MiddlewareHandler<IdentityEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    if (!token) throw unauthenticated();
    const now = ctx.clock.now();
    const rows = await ctx.db
      .select({ session: sessions, lockedUntil: credentials.lockedUntil })
      .from(sessions)
      .innerJoin(credentials, eq(credentials.id, sessions.credentialId))
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          isNull(sessions.endedAt),
          gt(sessions.expiresAt, now),
          notInArray(credentials.state, ["expired", "revoked"]),
        ),
      )
      .limit(1);
    const session = rows[0]?.session;
    if (!session) throw unauthenticated();
    const lockedUntil = rows[0]?.lockedUntil ?? null;
    if (duringBlock === "refuse" && lockedUntil && isLocked(lockedUntil, now)) {
      await recordEvent(ctx.db, {
        fiscalCode: session.fiscalCode,
        type: "service-refused-locked",
        at: now,
        data: { path: c.req.path },
        requestId: c.get("requestId"),
      });
      throw locked(lockedUntil, now);
    }
    const requiredAction = session.requiredAction as RequiredAction | null;
    if (requiredAction && allow !== "any" && !allow.includes(requiredAction)) throw actionRequired(requiredAction);
    c.set("session", { tokenHash: session.tokenHash, credentialId: session.credentialId, fiscalCode: session.fiscalCode, requiredAction });
    await next();
  };
}
