// POST /api/v1/me/pin-changes and /{changeId}/verify (R09–R12; also R06's first PIN and R13's renewal).
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonBody, jsonResponse, problemResponse, secretString } from "../http/schemas.ts";

export const pinChangeBodySchema = z
  .object({
    currentPin: secretString().min(1),
    newPin: secretString().min(1).openapi({ description: "8 letters and digits, not easy to guess (R12)" }),
    confirmPin: secretString().min(1),
  })
  .openapi("PinChange");

export const startPinChangeRoute = createRoute({
  method: "post",
  path: "/me/pin-changes",
  tags: ["Citizen"],
  summary: "Change the PIN: a verification code goes to the registered email or mobile",
  security: [{ [BEARER]: [] }],
  request: { body: jsonBody(pinChangeBodySchema) },
  responses: {
    202: jsonResponse(
      z
        .object({
          changeId: z.string(),
          verificationChannel: z.enum(["email", "sms"]),
          destination: z.string().openapi({ example: "m***i@example.it" }),
        })
        .openapi("PinChangeStarted"),
      "A verification code was sent",
    ),
    400: problemResponse("confirmation-mismatch, validation-failed"),
    401: problemResponse(
      "invalid-credentials (a wrong current PIN counts toward the lockout), unauthenticated",
    ),
    403: problemResponse(
      "action-required, pin-session-required (a SPID session: this route is about the PIN)",
    ),
    422: problemResponse("pin-too-weak (with reasons), pin-reused"),
    423: problemResponse("locked"),
  },
});

export const verifyPinChangeRoute = createRoute({
  method: "post",
  path: "/me/pin-changes/{changeId}/verify",
  tags: ["Citizen"],
  summary: "Confirm the change with the verification code",
  security: [{ [BEARER]: [] }],
  request: {
    params: z.object({ changeId: z.string().min(1).max(64) }),
    body: jsonBody(z.object({ code: secretString(32).min(1) }).openapi("VerificationCode")),
  },
  responses: {
    200: jsonResponse(
      z.object({ status: z.literal("changed"), pinExpiresAt: z.string().nullable() }).openapi("PinChanged"),
      "Changed: the next login uses the new PIN",
    ),
    400: problemResponse("invalid-code"),
    401: problemResponse("unauthenticated"),
    404: problemResponse("not-found"),
    410: problemResponse("code-expired (also after too many wrong codes)"),
  },
});
