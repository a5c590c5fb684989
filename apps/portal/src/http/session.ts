// Gives every visitor a session (so even the anonymous forms carry a CSRF token) and sets its cookie:
// HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure behind TLS.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { PortalDeps, PortalEnv } from "./env.ts";
import type { PortalSession } from "./session-store.ts";

export const SESSION_COOKIE = "portal_session";

function writeCookie(c: Context<PortalEnv>, deps: PortalDeps, session: PortalSession): void {
  setCookie(c, SESSION_COOKIE, session.id, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: deps.secureCookies,
  });
}

export function sessionMiddleware(deps: PortalDeps): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const existing = deps.sessions.get(getCookie(c, SESSION_COOKIE));
    const session = existing ?? deps.sessions.create();
    c.set("session", session);
    if (!existing) writeCookie(c, deps, session);
    await next();
  };
}

/**
 * A new session id (and CSRF token) at every change of privilege, so an id planted before login is worth nothing.
 * The old session is gone; what the caller wants to keep it copies into the new one.
 */
export function renewSession(
  c: Context<PortalEnv>,
  deps: PortalDeps,
  keep: Partial<PortalSession> = {},
): PortalSession {
  deps.sessions.destroy(c.get("session").id);
  const session = Object.assign(deps.sessions.create(), keep);
  c.set("session", session);
  writeCookie(c, deps, session);
  return session;
}
