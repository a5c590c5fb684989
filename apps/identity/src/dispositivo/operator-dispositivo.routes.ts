// /api/v1/operator/dispositivo-requests: the operator's queue, paper deliveries, downloads and decisions (R31).
import { createRoute, z } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, OPERATOR, problemResponse } from "../http/schemas.ts";
import { dispositivoRequestSchema, requestIdParam } from "./dispositivo.routes.ts";

export const operatorRequestSchema = dispositivoRequestSchema
  .extend({ fiscalCode: z.string(), files: z.array(z.object({ part: z.string(), url: z.string() })) })
  .openapi("OperatorDispositivoRequest");

export const queueRoute = createRoute({
  method: "get",
  path: "/operator/dispositivo-requests",
  tags: ["Operator"],
  summary: "The conversion requests in one status, newest first, paged",
  security: [{ [OPERATOR]: [] }],
  request: {
    query: z.object({
      status: z
        .enum(["awaiting-signed-form", "under-review", "approved", "rejected", "cancelled"])
        .default("under-review"),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({
          items: z.array(operatorRequestSchema),
          page: z.number(),
          pageSize: z.number(),
          total: z.number(),
        })
        .openapi("DispositivoQueue"),
      "A page of the queue",
    ),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated"),
  },
});

export const paperDeliveryRoute = createRoute({
  method: "post",
  path: "/operator/dispositivo-requests/{requestId}/paper-delivery",
  tags: ["Operator"],
  summary: "The signed form arrived on paper (fax or at an office)",
  security: [{ [OPERATOR]: [] }],
  request: {
    params: requestIdParam,
    body: jsonBody(
      z
        .object({ via: z.enum(["fax", "office"]) })
        .strict()
        .openapi("PaperDelivery"),
    ),
  },
  responses: {
    200: jsonResponse(operatorRequestSchema, "Now under review"),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated"),
    404: problemResponse("not-found"),
    409: problemResponse("wrong-request-state"),
  },
});

export const decisionRoute = createRoute({
  method: "post",
  path: "/operator/dispositivo-requests/{requestId}/decision",
  tags: ["Operator"],
  summary: "Approve or reject a request under review; the citizen is told by email",
  security: [{ [OPERATOR]: [] }],
  request: {
    params: requestIdParam,
    body: jsonBody(
      z
        .object({
          decision: z.enum(["approve", "reject"]),
          reason: z.string().trim().min(1).max(500).optional(),
        })
        .strict()
        .openapi("DispositivoDecision"),
    ),
  },
  responses: {
    200: jsonResponse(operatorRequestSchema, "Decided"),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated"),
    404: problemResponse("not-found"),
    409: problemResponse("wrong-request-state"),
  },
});

export const downloadFileRoute = createRoute({
  method: "get",
  path: "/operator/dispositivo-requests/{requestId}/files/{part}",
  tags: ["Operator"],
  summary: "An uploaded scan, as it was received (until the decision)",
  security: [{ [OPERATOR]: [] }],
  request: {
    params: requestIdParam.extend({
      part: z.enum(["signed-form", "identity-document"]).openapi({ param: { name: "part", in: "path" } }),
    }),
  },
  responses: {
    200: {
      description: "The file",
      content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
    },
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated"),
    404: problemResponse("not-found"),
  },
});
