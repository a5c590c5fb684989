// POST /api/v1/pin-requests (R01–R03): "Richiedi PIN".
import { createRoute, z } from "@hono/zod-openapi";
import {
  contactsSchema,
  fiscalCodeField,
  healthCardSchema,
  jsonBody,
  jsonResponse,
  problemResponse,
  residenceSchema,
} from "../http/schemas.ts";

export const deliveryProfileSchema = z.enum(["digital-then-post", "post-then-activate"]).openapi({
  description:
    "digital-then-post (guides 004, 001): first half by email, PEC or SMS at once, second by post. " +
    "post-then-activate (guide 002): first half by post, second by the digital channel after activation.",
});

export const pinRequestBodySchema = z
  .object({
    fiscalCode: fiscalCodeField,
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    gender: z.enum(["M", "F"]),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
      .openapi({ example: "1980-01-01" }),
    birthPlace: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "Municipality, foreign state or Belfiore code", example: "Roma" }),
    residence: residenceSchema,
    contacts: contactsSchema,
    healthCard: healthCardSchema
      .optional()
      .openapi({ description: "Required by post-then-activate: activation is checked against it" }),
    deliveryProfile: deliveryProfileSchema.optional(),
    firstHalfChannel: z.enum(["email", "pec", "sms"]).optional().openapi({
      description: "The digital channel (first half for digital-then-post, second for post-then-activate)",
    }),
  })
  .openapi("PinRequest");

export const pinRequestAcceptedSchema = z
  .object({
    requestId: z.string(),
    deliveryProfile: deliveryProfileSchema,
    channels: z.object({
      firstHalf: z.enum(["email", "pec", "sms", "post"]),
      secondHalf: z.enum(["email", "pec", "sms", "post"]),
    }),
    activationDeadline: z.string().openapi({ description: "90 days after the request was accepted (R05)" }),
  })
  .openapi("PinRequestAccepted");

export const createPinRequestRoute = createRoute({
  method: "post",
  path: "/pin-requests",
  tags: ["Citizen"],
  summary: "Request a PIN (Richiedi PIN)",
  description: "Accepts an Idempotency-Key header: a retry with the same key returns the first answer.",
  request: {
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: jsonBody(pinRequestBodySchema),
  },
  responses: {
    202: jsonResponse(pinRequestAcceptedSchema, "Accepted: the halves are on their way"),
    400: problemResponse(
      "validation-failed: a field is wrong, the fiscal code does not match the data, no digital contact",
    ),
    409: problemResponse("credential-exists"),
  },
});
