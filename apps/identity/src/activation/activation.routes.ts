// POST /api/v1/pin-activations (R04, R05): "Gestisci il tuo PIN" → "Attiva PIN".
import { createRoute, z } from "@hono/zod-openapi";
import {
  fiscalCodeField,
  healthCardSchema,
  jsonBody,
  jsonResponse,
  problemResponse,
  secretString,
} from "../http/schemas.ts";

export const activationBodySchema = z
  .object({
    fiscalCode: fiscalCodeField,
    firstHalf: secretString().min(1).openapi({ description: "The 8 characters of the letter" }),
    healthCard: healthCardSchema,
  })
  .openapi("PinActivation");

export const activationRoute = createRoute({
  method: "post",
  path: "/pin-activations",
  tags: ["Citizen"],
  summary: "Activate the PIN (Attiva PIN): the second half is sent",
  request: { body: jsonBody(activationBodySchema) },
  responses: {
    202: jsonResponse(
      z
        .object({ status: z.literal("activated"), secondHalfChannel: z.enum(["email", "pec", "sms"]) })
        .openapi("PinActivated"),
      "Activated: the second half is on its way",
    ),
    400: problemResponse("validation-failed"),
    401: problemResponse("activation-failed: one generic answer for any mismatch"),
    409: problemResponse("activation-not-required"),
    410: problemResponse("initial-pin-expired: only after fiscal code, first half and card all match"),
  },
});
