// Bearer-session middleware. A session with a requiredAction may only do that action (403 action-required),
// except the routes that stay open to it (GET /me, DELETE /sessions/current). A block after a wrong PIN stops
// every service (R08): a session opened before it gets 423 locked until it ends; only logging out stays open.
// A SPID session (R33) stands on no PIN: a block, change or revocation of the PIN does not touch it, and the routes
// about the PIN refuse it (403 pin-session-required); those that accept it read `citizenSession`.
import { isLocked, type RequiredAction, type SpidLevel } from "@inps-sim/domain";
import { and, eq, gt, isNull, notInArray, or } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { IdentityContext } from "../context.ts";
import { credentials, sessions } from "../db/schema.ts";
import { actionRequired, locked, pinSessionRequired, unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { bearerToken, hashToken } from "./tokens.ts";

/** Any citizen's session: by PIN (credentialId set) or by SPID (spidLevel set). */
export interface CitizenSession {
  tokenHash: string;
  credentialId: string | null;
  fiscalCode: string;
  requiredAction: RequiredAction | null;
  spidLevel: SpidLevel | null;
}

/** A session opened with the PIN: what the routes about the PIN work on. */
export interface SessionInfo extends CitizenSession {
  credentialId: string;
  spidLevel: null;
}

/**
 * `allow`: the required actions this route completes ("any" for routes open to every session).
 * `duringBlock`: "refuse" (every service, R08) or "allow" (logging out).
 * `spid`: "refuse" (403 pin-session-required: the route is about the PIN) or "accept" (read `citizenSession`).
 */
export function requireSession(
  ctx: IdentityContext,
  allow: readonly RequiredAction[] | "any" = [],
  duringBlock: "refuse" | "allow" = "refuse",
  spid: "refuse" | "accept" = "refuse",
): MiddlewareHandler<IdentityEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    if (!token) throw unauthenticated();
    const now = ctx.clock.now();
    const rows = await ctx.db
      .select({ session: sessions, lockedUntil: credentials.lockedUntil })
      .from(sessions)
      .leftJoin(credentials, eq(credentials.id, sessions.credentialId))
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          isNull(sessions.endedAt),
          gt(sessions.expiresAt, now),
          or(isNull(sessions.credentialId), notInArray(credentials.state, ["expired", "revoked"])),
        ),
      )
      .limit(1);
    const session = rows[0]?.session;
    if (!session) throw unauthenticated();
    const spidLevel = session.spidLevel as SpidLevel | null;
    if (session.credentialId === null) {
      if (spidLevel === null) throw unauthenticated();
      if (spid === "refuse") throw pinSessionRequired();
      c.set("citizenSession", {
        tokenHash: session.tokenHash,
        credentialId: null,
        fiscalCode: session.fiscalCode,
        requiredAction: null,
        spidLevel,
      });
      await next();
      return;
    }
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
    if (requiredAction && allow !== "any" && !allow.includes(requiredAction))
      throw actionRequired(requiredAction);
    const pinSession: SessionInfo = {
      tokenHash: session.tokenHash,
      credentialId: session.credentialId,
      fiscalCode: session.fiscalCode,
      requiredAction,
      spidLevel: null,
    };
    c.set("session", pinSession);
    c.set("citizenSession", pinSession);
    await next();
  };
}
