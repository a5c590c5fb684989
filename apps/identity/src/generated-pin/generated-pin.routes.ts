// POST /api/v1/me/generated-pin and /confirm (R20): the mandatory change that ends a recovery.
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonBody, jsonResponse, problemResponse, secretString } from "../http/schemas.ts";

export const showGeneratedPinRoute = createRoute({
  method: "post",
  path: "/me/generated-pin",
  tags: ["Citizen"],
  summary: "Show the 8-character PIN the system generated (once; asking again voids the previous one)",
  security: [{ [BEARER]: [] }],
  responses: {
    201: jsonResponse(
      z
        .object({ pin: z.string().openapi({ description: "Shown once: note or print it, then confirm it" }) })
        .openapi("GeneratedPin"),
      "The generated PIN",
    ),
    401: problemResponse("unauthenticated"),
    403: problemResponse("pin-session-required (a SPID session: this route is about the PIN)"),
    409: problemResponse("generated-pin-not-due: only after a recovery"),
    423: problemResponse("locked"),
  },
});

export const confirmGeneratedPinRoute = createRoute({
  method: "post",
  path: "/me/generated-pin/confirm",
  tags: ["Citizen"],
  summary:
    "Type the generated PIN back to complete the procedure; the session ends and the PIN logs in from now on",
  security: [{ [BEARER]: [] }],
  request: { body: jsonBody(z.object({ pin: secretString().min(1) }).openapi("GeneratedPinConfirm")) },
  responses: {
    200: jsonResponse(
      z
        .object({ status: z.literal("changed"), pinExpiresAt: z.string().nullable() })
        .openapi("GeneratedPinConfirmed"),
      "Completed",
    ),
    400: problemResponse("invalid-code, validation-failed"),
    401: problemResponse("unauthenticated"),
    403: problemResponse("pin-session-required (a SPID session: this route is about the PIN)"),
    409: problemResponse("generated-pin-not-due, generated-pin-not-shown"),
    410: problemResponse("code-expired (too many wrong attempts: ask for a new generated PIN)"),
    423: problemResponse("locked"),
  },
});
