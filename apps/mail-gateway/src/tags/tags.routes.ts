// Mailpit's tag routes as the OpenAPI document describes them.
import { z } from "@hono/zod-openapi";
import { badRequestResponse, createRoute, goJsonBody, okResponse } from "../http/mailpit-openapi.ts";

const tags = ["Tags"];

const tagParam = z.object({
  Tag: z.string().openapi({ param: { name: "Tag", in: "path" }, example: "pin" }),
});

export const listTagsRoute = createRoute({
  method: "get",
  path: "/api/v1/tags",
  tags,
  summary: "Every tag in the mailbox, by name",
  responses: {
    200: { description: "The tags", content: { "application/json": { schema: z.array(z.string()) } } },
  },
});

export const setTagsRoute = createRoute({
  method: "put",
  path: "/api/v1/tags",
  tags,
  summary: "Sets the tags of the messages given (replacing theirs; an empty list removes them)",
  request: {
    body: goJsonBody(
      z.object({
        IDs: z.array(z.string()).nullable().optional(),
        Tags: z.array(z.string()).nullable().optional(),
      }),
      "The messages and their tags.",
    ),
  },
  responses: { 200: okResponse, 400: badRequestResponse },
});

export const renameTagRoute = createRoute({
  method: "put",
  path: "/api/v1/tags/{Tag}",
  tags,
  summary: "Renames a tag on every message that has it",
  request: { params: tagParam, body: goJsonBody(z.object({ Name: z.string() }), "The new name.") },
  responses: { 200: okResponse, 400: badRequestResponse },
});

export const deleteTagRoute = createRoute({
  method: "delete",
  path: "/api/v1/tags/{Tag}",
  tags,
  summary: "Removes a tag from every message",
  request: { params: tagParam },
  responses: { 200: okResponse, 400: badRequestResponse },
});
