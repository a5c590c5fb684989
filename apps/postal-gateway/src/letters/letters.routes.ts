// /api/v1/letters: what the postal API accepts and answers, checked at the edge with zod and published as OpenAPI.
// An address that cannot exist is not a 400: the letter is accepted and comes back to the sender, as the post does.
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, problemResponse } from "@inps-sim/service-kit";

const printable = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
};
/** Letters may carry line breaks and tabs, nothing else below 0x20. */
const letterText = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
};

const line = (max: number) =>
  z.string().trim().min(1).max(max).refine(printable, "must not contain control characters");

export const recipientSchema = z
  .object({
    name: line(200),
    street: line(200),
    postalCode: line(16),
    city: line(100),
    province: line(40),
  })
  .strict()
  .openapi("PostalAddress");

export const sendLetterSchema = z
  .object({
    recipient: recipientSchema,
    service: z.enum(["ordinaria", "raccomandata"]),
    subject: line(300).optional(),
    body: z
      .string()
      .min(1)
      .max(20_000)
      .refine(letterText, "must not contain control characters other than line breaks and tabs")
      .openapi({ description: "Plain text; a line break starts a new line, a blank line a new paragraph" }),
  })
  .strict()
  .openapi("SendLetter");

export type SendLetterInput = z.infer<typeof sendLetterSchema>;

const letterStatusSchema = z.enum(["accepted", "in_transit", "delivered", "returned_to_sender"]);

export const listQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'The same words in any order, any case: "Rossi Mario" finds "MARIO ROSSI"' }),
  postalCode: z.string().trim().min(1).max(16).optional(),
  status: letterStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ type: "integer" }),
});

export const clearQuerySchema = listQuerySchema.pick({ name: true });

export const letterSummarySchema = z
  .object({
    id: z.string().openapi({ example: "ltr_0123456789abcdef0123" }),
    recipient: recipientSchema,
    service: z.enum(["ordinaria", "raccomandata"]),
    subject: z.string().nullable(),
    status: letterStatusSchema,
    acceptedAt: z.string(),
    expectedDeliveryDate: z
      .string()
      .openapi({ description: "YYYY-MM-DD, Europe/Rome: Poste Italiane's target (4th working day)" }),
    deliveredAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    returnReason: z
      .enum(["invalid-postal-code", "unknown-province", "postal-code-not-in-province", "unknown-address"])
      .nullable(),
  })
  .openapi("LetterSummary");

export const trackingEventSchema = z
  .object({
    type: z.enum(["accepted", "in_transit", "out_for_delivery", "delivered", "returned_to_sender"]),
    at: z.string(),
    description: z.string(),
  })
  .openapi("TrackingEvent");

export const letterSchema = letterSummarySchema
  .extend({
    body: z.string().nullable().openapi({
      description: "The letter's text once it is delivered; null before (and for a returned letter)",
    }),
    events: z.array(trackingEventSchema),
  })
  .openapi("Letter");

export const letterAcceptedSchema = z
  .object({ id: z.string(), status: z.literal("accepted"), expectedDeliveryDate: z.string() })
  .openapi("LetterAccepted");

export const sendLetterRoute = createRoute({
  method: "post",
  tags: ["Letters"],
  path: "/letters",
  summary: "Post a letter",
  description:
    "Accepts an Idempotency-Key header: a retry with the same key returns the first answer and posts nothing new.",
  request: {
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: jsonBody(sendLetterSchema),
  },
  responses: {
    201: jsonResponse(letterAcceptedSchema, "Accepted: delivered in working days of simulated time"),
    400: problemResponse("validation-failed"),
    409: problemResponse("idempotency-key-reused"),
    413: problemResponse("too-large"),
  },
});

export const listLettersRoute = createRoute({
  method: "get",
  tags: ["Letters"],
  path: "/letters",
  summary: "List letters, newest first",
  request: { query: listQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ letters: z.array(letterSummarySchema) }).openapi("LetterList"),
      "The letters",
    ),
    400: problemResponse("validation-failed"),
  },
});

const letterIdParams = z.object({ id: z.string().openapi({ example: "ltr_0123456789abcdef0123" }) });

/** Also answers `/letters/{id}.pdf` (the same Hono route): Hono cannot match a suffix after a parameter. */
export const getLetterRoute = createRoute({
  method: "get",
  tags: ["Letters"],
  path: "/letters/{id}",
  summary: "One letter with its tracking",
  description:
    "A letter's content (body and PDF) is there once it is delivered, as in a letterbox; its tracking always is.",
  request: { params: letterIdParams },
  responses: {
    200: jsonResponse(letterSchema, "The letter"),
    404: problemResponse("letter-not-found"),
  },
});

/** Documents the PDF; `getLetterRoute`'s handler serves it. */
export const getLetterPdfRoute = createRoute({
  method: "get",
  tags: ["Letters"],
  path: "/letters/{id}.pdf",
  summary: "One letter as printed (PDF), once delivered",
  request: { params: letterIdParams },
  responses: {
    200: {
      description: "The printed letter",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    404: problemResponse("letter-not-found"),
    409: problemResponse("letter-not-delivered: the letter has not reached its letterbox yet"),
  },
});

export const clearLettersRoute = createRoute({
  method: "delete",
  tags: ["Letters"],
  path: "/letters",
  summary: "Delete every letter, or those to one name",
  request: { query: clearQuerySchema },
  responses: {
    204: { description: "Deleted" },
    400: problemResponse("validation-failed"),
  },
});
