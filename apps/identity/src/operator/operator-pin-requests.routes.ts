// POST /api/v1/operator/pin-requests: a PIN requested by phone through the contact centre (R01, R26).
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, OPERATOR, problemResponse } from "../http/schemas.ts";
import { pinRequestAcceptedSchema, pinRequestBodySchema } from "../pin-requests/pin-requests.routes.ts";

export const operatorPinRequestRoute = createRoute({
  method: "post",
  path: "/operator/pin-requests",
  tags: ["Operator"],
  summary: "Request a PIN for a caller (contact centre 803 164)",
  description: "The same body and answer as POST /api/v1/pin-requests; the timeline records the operator.",
  security: [{ [OPERATOR]: [] }],
  request: {
    headers: z.object({ "idempotency-key": z.string().optional() }),
    body: jsonBody(pinRequestBodySchema),
  },
  responses: {
    202: jsonResponse(pinRequestAcceptedSchema, "Accepted: the halves are on their way"),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated: an operator token is needed"),
    409: problemResponse("credential-exists"),
  },
});
