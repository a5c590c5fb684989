// /api/v1/messages: what the SMS API accepts and answers, checked at the edge with zod and published as OpenAPI.
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, problemResponse } from "@inps-sim/service-kit";

const noNul = (s: string) => !s.includes("\u0000");
const noControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
};

export const sendMessageSchema = z
  .object({
    /** Anything printable is accepted; a number that is not an E.164 mobile ends `failed` with a reason. */
    to: z.string().trim().min(1).max(32).refine(noControl, "must not contain control characters").openapi({
      example: "+393331234567",
      description: "E.164; a number that cannot receive SMS ends `failed`",
    }),
    /** An alphanumeric sender id (up to 11 characters) or a number. */
    from: z
      .string()
      .regex(
        /^(?:[A-Za-z0-9][A-Za-z0-9 .&_-]{0,10}|\+?[0-9]{3,15})$/,
        "an alphanumeric sender of up to 11 characters or a number",
      )
      .optional()
      .openapi({ example: "INPS" }),
    text: z.string().min(1).max(1600).refine(noNul, "must not contain NUL characters"),
    statusCallback: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .max(2048)
      .optional()
      .openapi({
        description: "Receives one POST (a delivery report) when the message is delivered or fails",
      }),
  })
  .strict()
  .openapi("SendSms");

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const smsMessageSchema = z
  .object({
    id: z.string().openapi({ example: "sms_0123456789abcdef0123" }),
    to: z.string(),
    from: z.string(),
    text: z.string(),
    status: z.enum(["queued", "delivered", "failed"]),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    failureReason: z
      .string()
      .nullable()
      .openapi({ description: "malformed-number | invalid-number | landline | not-a-mobile, when failed" }),
    failureDetail: z.string().nullable(),
    encoding: z.enum(["GSM-7", "UCS-2"]),
    segments: z.number().int(),
    statusCallback: z.string().nullable(),
  })
  .openapi("SmsMessage");

export const messageAcceptedSchema = z
  .object({ id: z.string(), status: z.literal("queued") })
  .openapi("SmsAccepted");

/** A number given in a query string; a "+" that was not percent-encoded arrives as a space. */
const numberQuery = z
  .string()
  .max(32)
  .transform((v) => {
    const t = v.trim();
    return /^\d+$/.test(t) ? `+${t}` : t;
  })
  .optional()
  .openapi({ type: "string", description: "E.164 number, e.g. +393331234567" });

export const listQuerySchema = z.object({
  to: numberQuery,
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Only messages created at or after this instant" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ type: "integer" }),
});

export const sendMessageRoute = createRoute({
  method: "post",
  tags: ["Messages"],
  path: "/messages",
  summary: "Send an SMS",
  description:
    "Accepts an Idempotency-Key header: a retry with the same key returns the first answer and sends nothing new.",
  request: {
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: jsonBody(sendMessageSchema),
  },
  responses: {
    202: jsonResponse(
      messageAcceptedSchema,
      "Queued: delivered (or failed) after the configured latency in simulated time",
    ),
    400: problemResponse("validation-failed"),
    409: problemResponse("idempotency-key-reused"),
    413: problemResponse("too-large"),
  },
});

export const listMessagesRoute = createRoute({
  method: "get",
  tags: ["Messages"],
  path: "/messages",
  summary: "List messages, newest first",
  request: { query: listQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ messages: z.array(smsMessageSchema) }).openapi("SmsMessageList"),
      "The messages",
    ),
    400: problemResponse("validation-failed"),
  },
});

export const getMessageRoute = createRoute({
  method: "get",
  tags: ["Messages"],
  path: "/messages/{id}",
  summary: "One message",
  request: { params: z.object({ id: z.string().openapi({ example: "sms_0123456789abcdef0123" }) }) },
  responses: {
    200: jsonResponse(smsMessageSchema, "The message"),
    404: problemResponse("message-not-found"),
  },
});

export const clearMessagesRoute = createRoute({
  method: "delete",
  tags: ["Messages"],
  path: "/messages",
  summary: "Delete every message, or those sent to one number",
  request: { query: z.object({ to: numberQuery }) },
  responses: {
    204: { description: "Deleted" },
    400: problemResponse("validation-failed"),
  },
});
