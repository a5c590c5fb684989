// POST /api/v1/sessions (R07, R08) and DELETE /api/v1/sessions/current.
import { createRoute, z } from "@hono/zod-openapi";
import {
  BEARER,
  fiscalCodeField,
  jsonBody,
  jsonResponse,
  problemResponse,
  secretString,
} from "../http/schemas.ts";

export const requiredActionSchema = z
  .enum(["replace-initial-pin", "renew-expired-pin", "confirm-generated-pin"])
  .nullable()
  .openapi({
    description: "Set when the session may only complete this action (403 action-required elsewhere)",
  });

export const loginBodySchema = z
  .object({ fiscalCode: fiscalCodeField, pin: secretString().min(1) })
  .openapi("Login");

export const sessionSchema = z
  .object({
    token: z.string().openapi({ description: "Opaque bearer token" }),
    expiresAt: z.string(),
    pinKind: z.enum(["ordinary", "dispositivo"]),
    requiredAction: requiredActionSchema,
  })
  .openapi("Session");

export const loginRoute = createRoute({
  method: "post",
  path: "/sessions",
  tags: ["Citizen"],
  summary: "Log in with fiscal code and PIN",
  request: { body: jsonBody(loginBodySchema) },
  responses: {
    201: jsonResponse(sessionSchema, "Logged in"),
    400: problemResponse("validation-failed"),
    401: problemResponse("invalid-credentials (also for an unknown fiscal code)"),
    410: problemResponse("initial-pin-expired (only after a correct PIN)"),
    423: problemResponse("locked: retryAfter seconds, Retry-After header"),
  },
});

export const logoutRoute = createRoute({
  method: "delete",
  path: "/sessions/current",
  tags: ["Citizen"],
  summary: "Log out",
  security: [{ [BEARER]: [] }],
  responses: { 204: { description: "Logged out" }, 401: problemResponse("unauthenticated") },
});
