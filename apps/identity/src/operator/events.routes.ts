// GET /api/v1/operator/citizens/{fiscalCode}/events: the citizen's timeline, newest first.
import { createRoute, z } from "@hono/zod-openapi";
import { jsonResponse, OPERATOR, problemResponse } from "../http/schemas.ts";

export const timelineSchema = z
  .object({
    fiscalCode: z.string(),
    events: z.array(
      z.object({
        type: z.string().openapi({ example: "login-failed" }),
        at: z.string(),
        data: z.record(z.string(), z.unknown()),
        requestId: z.string().nullable(),
      }),
    ),
  })
  .openapi("Timeline");

export const citizenEventsRoute = createRoute({
  method: "get",
  path: "/operator/citizens/{fiscalCode}/events",
  tags: ["Operator"],
  summary: "The citizen's timeline: requests, deliveries, logins, lockouts, changes",
  security: [{ [OPERATOR]: [] }],
  request: {
    params: z.object({ fiscalCode: z.string().min(1).max(32) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }),
  },
  responses: {
    200: jsonResponse(timelineSchema, "Newest first"),
    401: problemResponse("unauthenticated: an operator token is needed"),
    404: problemResponse("not-found: no such citizen"),
  },
});
