// Mailpit's plain-text answers: "ok" for a change, 400 with a message, "404 page not found".
import type { Context } from "hono";

const textHeaders = { "content-type": "text/plain; charset=utf-8", "referrer-policy": "no-referrer" };

export const ok = (_c: Context) => new Response("ok", { status: 200, headers: textHeaders });
export const badRequest = (_c: Context, message: string) =>
  new Response(message, { status: 400, headers: textHeaders });
export const notFound = (_c: Context, message = "404 page not found") =>
  new Response(message, { status: 404, headers: textHeaders });

/** Reads a JSON body as Go's encoding/json would: field names match case-insensitively; no body is `{}`. */
export async function readGoJson(
  c: Context,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: string }> {
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "invalid JSON" };
  }
  if (parsed === null) return { ok: true, value: {} };
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    return { ok: false, error: "json: cannot unmarshal into a Go struct value" };
  }
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) value[k.toLowerCase()] = v;
  return { ok: true, value };
}

/** A Go `[]string` field: absent or null is empty; anything but an array of strings is an error. */
export function stringList(value: unknown, field: string): string[] | { error: string } {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    return { error: `json: cannot unmarshal ${field} into Go struct field of type []string` };
  }
  return value as string[];
}
