// The per-session CSRF token every form carries in `_csrf`, checked on each POST after Hono's Origin check.
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { PortalEnv } from "./env.ts";
import { renderRefusal } from "../layout/refusal.tsx";

export const CSRF_FIELD = "_csrf";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrfTokenMiddleware(): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    // Hono keeps the parsed body, so the handler reads it again for free.
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = body[CSRF_FIELD];
    if (typeof given !== "string" || !same(given, c.get("session").csrfToken)) {
      c.get("log").warn({ path: c.req.routePath }, "form refused: missing or wrong CSRF token");
      return c.html(renderRefusal(), 403);
    }
    return next();
  };
}
