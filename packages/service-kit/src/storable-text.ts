// The input rule every route passes through: text PostgreSQL cannot store (U+0000, lone UTF-16 surrogates) is
// refused at the edge as `400 validation-failed` naming the field, whether it came in the path, the query, a
// header or the body. Without it such text reaches the database and fails there as a 500 (NUL in `text`), or is
// silently changed (a lone surrogate becomes U+FFFD), or breaks a `jsonb` column ("unsupported Unicode escape").
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { FieldError } from "./problem.ts";
import { validationFailed } from "./problem.ts";

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why PostgreSQL would not store `text` as given, or null when it would. */
export function unstorableReason(text: string): string | null {
  if (text.includes("\u0000")) return "contains U+0000 (NUL), which the database cannot store";
  if (LONE_SURROGATE.test(text)) return "contains a lone UTF-16 surrogate, which is not valid Unicode";
  return null;
}

/** Every string (object keys too) in a parsed JSON value that the database cannot store, with its path. */
export function unstorableInJson(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === "string") {
    const reason = unstorableReason(value);
    return reason ? [{ path: path.join("."), message: reason }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableInJson(item, [...path, String(i)]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => {
      const keyReason = unstorableReason(key);
      const here = keyReason ? [{ path: [...path, key].join("."), message: `the name ${keyReason}` }] : [];
      return [...here, ...unstorableInJson(item, [...path, key])];
    });
  }
  return [];
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The middleware: path, query and headers at once; a JSON or form body read (after the body limit) and checked. */
export function storableTextOnly(): MiddlewareHandler {
  return async (c, next) => {
    const errors = [...pathErrors(c), ...queryErrors(c), ...headerErrors(c)];
    if (errors.length === 0 && BODY_METHODS.has(c.req.method) && c.req.raw.body !== null)
      errors.push(...(await bodyErrors(c)));
    if (errors.length > 0) throw validationFailed(errors);
    await next();
  };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed escapes stay as typed (Hono does the same), and as typed they are storable.
    return segment;
  }
}

/** Names a bad path segment after the route's parameter (`path.fiscalCode`), or by position. */
function pathErrors(c: Context): FieldError[] {
  const url = c.req.url;
  const start = url.indexOf("/", url.indexOf("://") + 3);
  const query = url.indexOf("?", start);
  const segments = url.slice(start, query === -1 ? undefined : query).split("/");
  const errors: FieldError[] = [];
  segments.forEach((segment, i) => {
    const reason = unstorableReason(decode(segment));
    if (reason) errors.push({ path: `path.${parameterName(c, segments.length, i) ?? i}`, message: reason });
  });
  return errors;
}

function parameterName(c: Context, length: number, index: number): string | undefined {
  for (const route of matchedRoutes(c)) {
    const parts = route.path.split("/");
    if (parts.length !== length) continue;
    const part = parts[index];
    if (part?.startsWith(":")) return part.slice(1).replace(/\{.*$/, "").replace(/\?$/, "");
  }
  return undefined;
}

function queryErrors(c: Context): FieldError[] {
  const url = c.req.url;
  if (!url.includes("?")) return [];
  const errors: FieldError[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    const nameReason = unstorableReason(name);
    if (nameReason) errors.push({ path: `query.${name}`, message: `the name ${nameReason}` });
    for (const value of values) {
      const reason = unstorableReason(value);
      if (reason) errors.push({ path: `query.${name}`, message: reason });
    }
  }
  return errors;
}

/** Node's HTTP parser refuses NUL in a header itself; this covers other runtimes and in-memory requests. */
function headerErrors(c: Context): FieldError[] {
  const errors: FieldError[] = [];
  c.req.raw.headers.forEach((value, name) => {
    const reason = unstorableReason(value);
    if (reason) errors.push({ path: `header.${name}`, message: reason });
  });
  return errors;
}

async function bodyErrors(c: Context): Promise<FieldError[]> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  // Uploads (multipart, binary) are not text; anything else may be read as JSON by a handler, whatever it says.
  if (
    type.startsWith("multipart/") ||
    type === "application/octet-stream" ||
    type.startsWith("image/") ||
    type === "application/pdf"
  ) {
    return [];
  }
  // Read once through Hono's body cache, so the handler's own c.req.json() or c.req.text() reads the same bytes;
  // and a fresh raw body, for a middleware that reads the stream itself.
  const bytes = await c.req.arrayBuffer();
  c.req.raw = new Request(c.req.raw, { body: bytes });
  const text = new TextDecoder().decode(bytes);
  if (type === "application/x-www-form-urlencoded") {
    const errors: FieldError[] = [];
    for (const [name, value] of new URLSearchParams(text)) {
      const reason = unstorableReason(name) ?? unstorableReason(value);
      if (reason) errors.push({ path: name, message: reason });
    }
    return errors;
  }
  if (!text.includes("\\u") && !text.includes("\u0000")) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Malformed JSON is the handler's to refuse (400 validation-failed) or, for a text body, to take as text.
    const reason = unstorableReason(text);
    return reason ? [{ path: "", message: `the body ${reason}` }] : [];
  }
  return unstorableInJson(parsed);
}
