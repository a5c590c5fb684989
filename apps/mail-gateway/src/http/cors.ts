// Mailpit's CORS (server/server.go:316-328 and server/cors.go, v1.30.5): requests to /api/ and /view/{ID}.html from a
// browser page of another origin are refused with 403 unless that host is allowed (MAIL_API_CORS, Mailpit's
// --api-cors); allowed ones get the Access-Control headers, and OPTIONS /api/v1/… answers a preflight with an empty 200.
import type { Context, MiddlewareHandler } from "hono";

/** Hosts (host[:port], lower-cased) whose pages may call the API, or "*" for any; from a comma/space separated list. */
export function corsOrigins(setting: string): Set<string> {
  const hosts = new Set<string>();
  for (const entry of setting.split(/[\s,]+/).filter(Boolean)) {
    if (entry === "*") return new Set(["*"]);
    try {
      hosts.add(new URL(/^https?:\/\//i.test(entry) ? entry : `http://${entry}`).host.toLowerCase());
    } catch {
      // An entry that names no host allows nothing (Mailpit skips it too).
    }
  }
  return hosts;
}

/** cors.go:40-69: no Origin, the same host, or an allowed one. */
function allowed(c: Context, origins: Set<string>): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const own = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
  return host === own || origins.has("*") || origins.has(host);
}

export function mailpitCors(origins: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (!path.startsWith("/api/") && !/^\/view\/[a-zA-Z0-9]+\.html$/.test(path)) return next();
    if (!allowed(c, origins))
      return new Response("Blocked due to CORS violation\n", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    // api.go:76-80 GetOptions, routed for OPTIONS /api/v1/ and below (server.go:223-224).
    const response =
      c.req.method === "OPTIONS" && path.startsWith("/api/v1/")
        ? new Response("", { status: 200, headers: { "content-type": "text/plain" } })
        : (await next(), c.res);
    response.headers.set("Access-Control-Allow-Origin", c.req.header("origin") ?? "");
    response.headers.set("Access-Control-Allow-Methods", "GET, POST, DELETE, PUT, OPTIONS");
    response.headers.set("Access-Control-Allow-Headers", "*");
    return response;
  };
}
