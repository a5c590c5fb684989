// POST /api/v1/recoveries (R15, R16), GET /api/v1/recoveries/{token} (the link's form), POST …/confirm (R17, R18).
import { createRoute, z } from "@hono/zod-openapi";
import { fiscalCodeField, jsonBody, jsonResponse, problemResponse, secretString } from "../http/schemas.ts";

export const recoveryRequestSchema = z
  .object({
    fiscalCode: fiscalCodeField,
    email: z.string().max(254).optional(),
    pec: z.string().max(254).optional(),
    mobile: z.string().max(32).optional(),
  })
  .openapi("RecoveryRequest", {
    description:
      "Which contacts must match follows RECOVERY_CONTACTS: mobile-and-email (default) or any-two of email, PEC, mobile",
  });

export const askRecoveryRoute = createRoute({
  method: "post",
  path: "/recoveries",
  tags: ["Citizen"],
  summary: '"Hai smarrito il tuo PIN?": ask for a recovery link and code',
  description:
    "Always the same 202, in status, body and time, whatever matched: when the data match a recoverable PIN, an email " +
    "(or a PEC, when the PEC matched) brings a link and a recovery code. Nothing is sent otherwise; the timeline says why.",
  request: { body: jsonBody(recoveryRequestSchema) },
  responses: {
    202: jsonResponse(
      z.object({ status: z.literal("accepted") }).openapi("RecoveryAccepted"),
      "Accepted (the same whether or not anything matched)",
    ),
    400: problemResponse("validation-failed"),
  },
});

const tokenParam = z.object({
  token: z.string().min(1).max(128).openapi({ description: "The token in the recovery link" }),
});

export const recoveryFormRoute = createRoute({
  method: "get",
  path: "/recoveries/{token}",
  tags: ["Citizen"],
  summary: "The page behind the recovery link: a form for codice fiscale and codice di ripristino",
  description: "Only shows the form and never uses the link up (mail scanners open every link).",
  request: { params: tokenParam },
  responses: { 200: { description: "The form (HTML)", content: { "text/html": { schema: z.string() } } } },
});

export const confirmRecoveryBodySchema = z
  .object({ fiscalCode: fiscalCodeField, recoveryCode: secretString(32).min(1) })
  .openapi("RecoveryConfirm");

export const confirmRecoveryRoute = createRoute({
  method: "post",
  path: "/recoveries/{token}/confirm",
  tags: ["Citizen"],
  summary: "Confirm the recovery: the new PIN's first 8 characters go by SMS, the other 8 by email",
  request: { params: tokenParam, body: jsonBody(confirmRecoveryBodySchema) },
  responses: {
    202: jsonResponse(
      z
        .object({
          status: z.literal("pin-sent"),
          channels: z.object({ firstHalf: z.literal("sms"), secondHalf: z.literal("email") }),
        })
        .openapi("RecoveryConfirmed"),
      "The old PIN no longer works; the new one is on its way",
    ),
    400: problemResponse("validation-failed"),
    401: problemResponse("recovery-failed (one generic answer for a wrong code or fiscal code)"),
    410: problemResponse(
      "recovery-expired (expired, already used, replaced by a newer request, or too many wrong codes)",
    ),
  },
});
