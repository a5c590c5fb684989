// POST /api/v1/revocations (R22–R24) and POST /api/v1/operator/citizens/{fiscalCode}/revocation (R26).
import { createRoute, z } from "@hono/zod-openapi";
import {
  fiscalCodeField,
  healthCardSchema,
  jsonBody,
  jsonResponse,
  OPERATOR,
  problemResponse,
} from "../http/schemas.ts";

export const revocationBodySchema = z
  .object({
    fiscalCode: fiscalCodeField,
    healthCard: healthCardSchema,
    email: z.string().max(254).optional().openapi({ description: "The registered email (or give pec)" }),
    pec: z.string().max(254).optional().openapi({ description: "The registered PEC (or give email)" }),
  })
  .refine((b) => b.email !== undefined || b.pec !== undefined, {
    message: "give the registered email or PEC",
    path: ["email"],
  })
  .openapi("Revocation");

export const revokedSchema = z.object({ status: z.literal("revoked") }).openapi("Revoked");

export const revocationRoute = createRoute({
  method: "post",
  path: "/revocations",
  tags: ["Citizen"],
  summary: "Revoke the PIN (R22–R24): fiscal code, tessera sanitaria, registered email or PEC",
  description:
    "The PIN stops working at once: every session ends, pending changes and unsent messages are cancelled, and a " +
    "confirmation goes to the address given. A new PIN can then be requested from scratch. Any mismatch, an unknown " +
    "fiscal code or a PIN already revoked get the same 401. Without a tessera sanitaria: the contact centre.",
  request: { body: jsonBody(revocationBodySchema) },
  responses: {
    200: jsonResponse(revokedSchema, "Revoked"),
    400: problemResponse("validation-failed"),
    401: problemResponse(
      "revocation-failed: one answer for any mismatch, an unknown fiscal code or a PIN already revoked",
    ),
  },
});

export const operatorRevocationRoute = createRoute({
  method: "post",
  path: "/operator/citizens/{fiscalCode}/revocation",
  tags: ["Operator"],
  summary: "Revoke the PIN on the caller's behalf (contact centre 803 164)",
  description:
    "The operator has identified the caller. The timeline records the operator; the confirmation goes to the registered email, PEC or mobile.",
  security: [{ [OPERATOR]: [] }],
  request: { params: z.object({ fiscalCode: z.string().min(1).max(32) }) },
  responses: {
    200: jsonResponse(revokedSchema, "Revoked"),
    401: problemResponse("unauthenticated: an operator token is needed"),
    404: problemResponse("not-found: no such citizen"),
    409: problemResponse("not-revocable: no live PIN (already revoked, or the initial PIN expired)"),
  },
});
