// Mailpit's search routes as the OpenAPI document describes them (the search syntax is search-query.ts's).
import { z } from "@hono/zod-openapi";
import { badRequestResponse, createRoute, okResponse, pageQuery, tzQuery } from "../http/mailpit-openapi.ts";
import { messagesSummarySchema } from "../messages/messages.routes.ts";

const tags = ["Search"];

const searchQuery = z.string().optional().openapi({
  description:
    "Mailpit's search: words, quoted phrases, `to:`, `from:`, `subject:`, `message-id:`, `tag:`, `is:read`…",
  example: "to:mario.rossi@example.it",
});

export const searchRoute = createRoute({
  method: "get",
  path: "/api/v1/search",
  tags,
  summary: "A page of the messages a search matches, newest first",
  request: { query: z.object({ query: searchQuery, ...pageQuery, tz: tzQuery }) },
  responses: {
    200: { description: "The page", content: { "application/json": { schema: messagesSummarySchema } } },
    400: badRequestResponse,
  },
});

export const deleteSearchRoute = createRoute({
  method: "delete",
  path: "/api/v1/search",
  tags,
  summary: "Deletes every message a search matches",
  request: { query: z.object({ query: searchQuery, tz: tzQuery }) },
  responses: { 200: okResponse, 400: badRequestResponse },
});
