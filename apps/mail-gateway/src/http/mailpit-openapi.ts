// How Mailpit's API is described in our OpenAPI document: its shapes (field names and casing as Mailpit's own), its
// plain-text answers, and `declare`, which puts a route in the document and mounts its handler unchanged.
import { createRoute, z, type OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Handler, MiddlewareHandler } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";

/**
 * Declares a Mailpit route in the OpenAPI document and mounts its handler as it is. Not `openapi()`: that would have
 * zod check the input first, while Mailpit reads it as Go does (JSON field names in any case, `null` for a missing
 * list) and refuses it with its own plain-text 400s, which a Mailpit client expects. `mountPath` is Hono's path when
 * the document's cannot be one: one handler serves both `/view/{ID}.txt` and `/view/{ID}.html` at `/view/:file`.
 */
export function declare(
  app: OpenAPIHono<ServiceEnv>,
  routes: RouteConfig | [RouteConfig, ...RouteConfig[]],
  handler: Handler<ServiceEnv> | MiddlewareHandler<ServiceEnv>,
  mountPath?: string,
): OpenAPIHono<ServiceEnv> {
  const [first, ...others] = Array.isArray(routes) ? routes : [routes];
  for (const route of [first, ...others]) app.openAPIRegistry.registerPath(route);
  app.on(first.method.toUpperCase(), mountPath ?? first.path.replace(/\{([^}]+)\}/g, ":$1"), handler);
  return app;
}

export { createRoute };

export const addressSchema = z
  .object({ Name: z.string(), Address: z.string() })
  .openapi("Address", { description: "A mailbox: its display name (may be empty) and address" });

export const attachmentSchema = z
  .object({
    PartID: z
      .string()
      .openapi({ description: "Where the part sits in the MIME tree, e.g. `2` or `1.2`", example: "2" }),
    FileName: z.string(),
    ContentType: z.string(),
    ContentID: z
      .string()
      .openapi({ description: "Content-ID of an inline part, without angle brackets; empty otherwise" }),
    Size: z.number().int(),
    Checksums: z.object({ MD5: z.string(), SHA1: z.string(), SHA256: z.string() }),
  })
  .openapi("Attachment");

const text = (description: string, example: string) => ({
  description,
  content: { "text/plain": { schema: z.string().openapi({ example }) } },
});

/** Mailpit's answer to a change that worked: the two letters `ok`. */
export const okResponse = text("Done: the plain text `ok`", "ok");
/** Mailpit's refusal: a 400 whose body is the reason, as plain text. */
export const badRequestResponse = text("Refused: the reason, as plain text", "Error: no search query");
/** Mailpit's 404: plain text, `Message not found` for `latest` with no message, `404 page not found` otherwise. */
export const notFoundResponse = text("No such message (or part)", "404 page not found");

export const messageIdParam = z.object({
  ID: z.string().openapi({
    param: { name: "ID", in: "path" },
    description:
      "The message's database ID, or `latest` (the newest message, or the newest matching `?query=`)",
    example: "latest",
  }),
});

/** `?query=` beside an ID of `latest`: the newest message matching this search. */
export const latestQuery = z.object({
  query: z
    .string()
    .optional()
    .openapi({ description: "With ID `latest`: the newest message matching this search" }),
});

export const pageQuery = {
  start: z.number().int().optional().openapi({ description: "Messages to skip (default 0)", example: 0 }),
  limit: z.number().int().optional().openapi({
    description:
      "Messages per page (default 50, at most 1000); 0, as in Mailpit: the whole mailbox (list, `start` ignored) or none (search)",
    example: 50,
  }),
  before: z
    .string()
    .optional()
    .openapi({ description: "Only messages received before this instant (RFC 3339)" }),
};

/** Mailpit's `tz`: the IANA time zone after:/before: in a search are read in (default UTC; an unknown one is ignored). */
export const tzQuery = z
  .string()
  .optional()
  .openapi({ description: "Time zone of after:/before: dates, e.g. Europe/Rome", example: "Europe/Rome" });

/** A body read as Go reads JSON: the field names below match in any case. */
export const goJsonBody = <T extends z.ZodType>(schema: T, description: string) => ({
  required: false,
  description: `${description} Field names match in any case, as Go's encoding/json reads them.`,
  content: { "application/json": { schema } },
});
