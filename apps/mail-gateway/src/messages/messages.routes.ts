// Mailpit's message routes as the OpenAPI document describes them: the list, one message (JSON, headers, source,
// parts, text and HTML views), marking read and deleting. Shapes and casing are Mailpit's own.
import { z } from "@hono/zod-openapi";
import {
  addressSchema,
  attachmentSchema,
  badRequestResponse,
  createRoute,
  goJsonBody,
  latestQuery,
  messageIdParam,
  notFoundResponse,
  okResponse,
  pageQuery,
  tzQuery,
} from "../http/mailpit-openapi.ts";

const tags = ["Messages"];

export const messageSummarySchema = z
  .object({
    ID: z.string().openapi({ description: "Database ID", example: "5Lq3nDDzQKjGuCrQZvRLpT" }),
    MessageID: z.string().openapi({ description: "The Message-ID header, without angle brackets" }),
    Read: z.boolean(),
    From: addressSchema,
    To: z.array(addressSchema),
    Cc: z.array(addressSchema),
    Bcc: z.array(addressSchema),
    ReplyTo: z.array(addressSchema),
    Subject: z.string(),
    Created: z
      .string()
      .openapi({ format: "date-time", description: "When the gateway received it (simulated time)" }),
    Username: z.string(),
    Tags: z.array(z.string()),
    Size: z.number().int().openapi({ description: "Bytes of the raw message" }),
    Attachments: z.number().int().openapi({ description: "How many attachments" }),
    Snippet: z.string().openapi({ description: "The start of the text, on one line" }),
  })
  .openapi("MessageSummary");

export const messagesSummarySchema = z
  .object({
    total: z.number().int().openapi({ description: "Messages in the mailbox" }),
    unread: z.number().int().openapi({ description: "Unread messages in the mailbox" }),
    count: z.number().int().openapi({ description: "Messages on this page" }),
    messages_count: z.number().int().openapi({ description: "Messages the list or search matches" }),
    messages_unread: z.number().int().openapi({ description: "Unread messages the list or search matches" }),
    start: z.number().int(),
    tags: z.array(z.string()).openapi({ description: "Every tag in the mailbox" }),
    messages: z.array(messageSummarySchema),
  })
  .openapi("MessagesSummary");

const listUnsubscribeSchema = z
  .object({
    Header: z.string(),
    Links: z.array(z.string()),
    Errors: z.string(),
    HeaderPost: z.string(),
  })
  .openapi("ListUnsubscribe");

export const messageSchema = z
  .object({
    ID: z.string(),
    MessageID: z.string(),
    From: addressSchema,
    To: z.array(addressSchema),
    Cc: z.array(addressSchema),
    Bcc: z.array(addressSchema),
    ReplyTo: z.array(addressSchema),
    ReturnPath: z.string(),
    Subject: z.string(),
    ListUnsubscribe: listUnsubscribeSchema,
    Date: z
      .string()
      .openapi({ format: "date-time", description: "The Date header, or the arrival time without one" }),
    Tags: z.array(z.string()),
    Username: z.string(),
    Text: z.string().openapi({ description: "The text/plain body (from the HTML when there is none)" }),
    HTML: z.string().openapi({ description: "The text/html body; empty when there is none" }),
    Size: z.number().int(),
    Inline: z.array(attachmentSchema),
    Attachments: z.array(attachmentSchema),
  })
  .openapi("Message");

const headersSchema = z
  .record(z.string(), z.array(z.string()))
  .openapi("MessageHeaders", { description: "Every header by name, each with its values in order" });

const idsBody = z.object({
  IDs: z.array(z.string()).nullable().optional().openapi({ description: "Database IDs" }),
});

export const listMessagesRoute = createRoute({
  method: "get",
  path: "/api/v1/messages",
  tags,
  summary: "A page of the mailbox, newest first",
  request: { query: z.object(pageQuery) },
  responses: {
    200: { description: "The page", content: { "application/json": { schema: messagesSummarySchema } } },
  },
});

export const setReadStatusRoute = createRoute({
  method: "put",
  path: "/api/v1/messages",
  tags,
  summary: "Marks messages read or unread: the IDs given, those a search matches, or (neither) every message",
  request: {
    query: z.object({ tz: tzQuery }),
    body: goJsonBody(
      idsBody.extend({
        Read: z.boolean().optional().openapi({ description: "true: read; false (or absent): unread" }),
        Search: z.string().optional().openapi({ description: "A search instead of IDs (not both)" }),
      }),
      "Which messages, and read or unread.",
    ),
  },
  responses: { 200: okResponse, 400: badRequestResponse },
});

export const deleteMessagesRoute = createRoute({
  method: "delete",
  path: "/api/v1/messages",
  tags,
  summary: "Deletes the messages given, or every message when no ID is given",
  request: { body: goJsonBody(idsBody, "Which messages; no body (or no IDs) deletes them all.") },
  responses: { 200: okResponse, 400: badRequestResponse },
});

const byId = { params: messageIdParam, query: latestQuery };

export const getMessageRoute = createRoute({
  method: "get",
  path: "/api/v1/message/{ID}",
  tags,
  summary: "One message, parsed (reading it marks it read)",
  request: byId,
  responses: {
    200: { description: "The message", content: { "application/json": { schema: messageSchema } } },
    404: notFoundResponse,
  },
});

export const getHeadersRoute = createRoute({
  method: "get",
  path: "/api/v1/message/{ID}/headers",
  tags,
  summary: "A message's headers",
  request: byId,
  responses: {
    200: { description: "The headers", content: { "application/json": { schema: headersSchema } } },
    404: notFoundResponse,
  },
});

export const getRawRoute = createRoute({
  method: "get",
  path: "/api/v1/message/{ID}/raw",
  tags,
  summary: "A message's source, as received",
  request: {
    params: messageIdParam,
    query: latestQuery.extend({
      dl: z.string().optional().openapi({ description: "`1`: as a download ({ID}.eml)" }),
    }),
  },
  responses: {
    200: { description: "The source", content: { "text/plain": { schema: z.string() } } },
    404: notFoundResponse,
  },
});

export const getPartRoute = createRoute({
  method: "get",
  path: "/api/v1/message/{ID}/part/{PartID}",
  tags,
  summary: "One attachment or inline part, decoded, with its own content type",
  request: {
    params: messageIdParam.extend({
      PartID: z.string().openapi({ param: { name: "PartID", in: "path" }, example: "2" }),
    }),
    query: latestQuery,
  },
  responses: {
    200: {
      description: "The part's bytes",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    404: notFoundResponse,
  },
});

const viewParams = z.object({
  ID: z
    .string()
    .openapi({ param: { name: "ID", in: "path" }, description: "The message's database ID, or `latest`" }),
});

export const viewTextRoute = createRoute({
  method: "get",
  path: "/view/{ID}.txt",
  tags,
  summary: "A message's text body",
  request: { params: viewParams, query: latestQuery },
  responses: {
    200: { description: "The text", content: { "text/plain": { schema: z.string() } } },
    404: notFoundResponse,
  },
});

export const viewHtmlRoute = createRoute({
  method: "get",
  path: "/view/{ID}.html",
  tags,
  summary: "A message's HTML body, sandboxed",
  request: { params: viewParams, query: latestQuery },
  responses: {
    200: { description: "The HTML", content: { "text/html": { schema: z.string() } } },
    404: notFoundResponse,
  },
});
