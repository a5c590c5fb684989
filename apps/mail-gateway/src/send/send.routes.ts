// Mailpit's POST /api/v1/send as the OpenAPI document describes it (Mailpit's SendRequest, field names as its own).
import { z } from "@hono/zod-openapi";
import { createRoute, goJsonBody } from "../http/mailpit-openapi.ts";

const recipient = z.object({ Name: z.string().optional(), Email: z.string() });

const sendRequestSchema = z
  .object({
    From: z.object({ Name: z.string().optional(), Email: z.string() }),
    To: z.array(recipient).nullable().optional(),
    Cc: z.array(recipient).nullable().optional(),
    Bcc: z
      .array(z.string())
      .nullable()
      .optional()
      .openapi({ description: "Addresses only; they appear in the stored message's Bcc" }),
    ReplyTo: z.array(recipient).nullable().optional(),
    Subject: z.string().optional(),
    Text: z.string().optional(),
    HTML: z.string().optional(),
    Attachments: z
      .array(
        z.object({
          Content: z.string().openapi({ description: "Base64 of the file (a data: URL prefix is dropped)" }),
          Filename: z.string(),
          ContentType: z.string().optional(),
          ContentID: z
            .string()
            .optional()
            .openapi({ description: "Set: the file is attached inline under this cid" }),
        }),
      )
      .nullable()
      .optional(),
    Tags: z.array(z.string()).nullable().optional(),
    Headers: z.record(z.string(), z.string()).nullable().optional().openapi({
      description:
        "Extra headers; To, From, Cc, Bcc, Reply-To, Date, Subject, Content-Type, Mime-Version (and X-Tags with Tags) are refused",
    }),
  })
  .openapi("SendRequest", {
    example: {
      From: { Email: "user@example.test" },
      To: [{ Email: "rec@example.test" }],
      Subject: "Test Email",
    },
  });

const jsonError = {
  description: "Refused: Mailpit's JSON error",
  content: {
    "application/json": {
      schema: z.object({ Error: z.string() }).openapi({ example: { Error: "invalid To address: x" } }),
    },
  },
};

export const sendRoute = createRoute({
  method: "post",
  path: "/api/v1/send",
  tags: ["Send"],
  summary: "Sends a message: built from JSON and stored as one that arrived over SMTP",
  request: { body: { ...goJsonBody(sendRequestSchema, "The message."), required: true } },
  responses: {
    200: {
      description: "Stored",
      content: {
        "application/json": { schema: z.object({ ID: z.string() }).openapi("SendMessageConfirmation") },
      },
    },
    400: jsonError,
  },
});
