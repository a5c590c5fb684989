// GET /api/v1/me: who is logged in, what their PIN is (or their SPID level), and what they must do first.
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonResponse, problemResponse } from "../http/schemas.ts";
import { requiredActionSchema } from "../sessions/sessions.routes.ts";

export const meSchema = z
  .object({
    fiscalCode: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    contacts: z.object({
      email: z.string().nullable(),
      pec: z.string().nullable(),
      mobile: z.string().nullable(),
    }),
    pinKind: z.enum(["ordinary", "dispositivo"]),
    pinChangedAt: z.string().nullable(),
    pinExpiresAt: z.string().nullable(),
    requiredAction: requiredActionSchema,
    spidLevel: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .nullable()
      .optional()
      .openapi({ description: "The SPID level of a session opened with SPID (R33); null for a PIN session" }),
  })
  .openapi("Me");

export const meRoute = createRoute({
  method: "get",
  path: "/me",
  tags: ["Citizen"],
  summary: "The logged-in citizen",
  security: [{ [BEARER]: [] }],
  responses: {
    200: jsonResponse(meSchema, "The citizen and their PIN"),
    401: problemResponse("unauthenticated"),
    423: problemResponse(
      "locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08)",
    ),
  },
});
