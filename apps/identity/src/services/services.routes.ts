// /api/v1/services/*: the consultation services an ordinary PIN opens (R27, R32) as simulated documents (JSON or
// PDF), and the applications that need a PIN dispositivo.
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonBody, jsonResponse, problemResponse } from "../http/schemas.ts";
import { APPLICATION_KINDS } from "./applications.ts";
import { CONSULTATION_SERVICES, SERVICE_TITLES } from "./documents.ts";

export const consultationDocumentSchema = z
  .object({
    service: z.enum(CONSULTATION_SERVICES),
    title: z.string(),
    fiscalCode: z.string(),
    holder: z.string(),
    issuedAt: z.string(),
    simulated: z.literal(true),
    lines: z.array(z.object({ label: z.string(), value: z.string() })),
  })
  .openapi("ConsultationDocument");

const sessionProblems = {
  401: problemResponse("unauthenticated"),
  403: problemResponse("action-required: the session must first replace or renew its PIN"),
  423: problemResponse(
    "locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08)",
  ),
};

/** One JSON route and one PDF route per service, so each has its own path in the OpenAPI document. */
export const consultationRoutes = CONSULTATION_SERVICES.map((service) => ({
  service,
  json: createRoute({
    method: "get",
    path: `/services/${service}`,
    tags: ["Citizen services"],
    summary: `${SERVICE_TITLES[service]} (simulated)`,
    security: [{ [BEARER]: [] }],
    responses: { 200: jsonResponse(consultationDocumentSchema, "A simulated document"), ...sessionProblems },
  }),
  pdf: createRoute({
    method: "get",
    path: `/services/${service}/document.pdf`,
    tags: ["Citizen services"],
    summary: `${SERVICE_TITLES[service]} as a PDF laid out like INPS's (simulated)`,
    security: [{ [BEARER]: [] }],
    responses: {
      200: {
        description: "The document",
        content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
      },
      ...sessionProblems,
    },
  }),
}));
export type ConsultationRoute = (typeof consultationRoutes)[number]["json"];
export type ConsultationPdfRoute = (typeof consultationRoutes)[number]["pdf"];

export const applicationBodySchema = z
  .object({ kind: z.enum(APPLICATION_KINDS).openapi({ example: "naspi" }) })
  .strict()
  .openapi("ApplicationInput");

export const applicationSchema = z
  .object({
    applicationId: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    status: z.enum(["submitted", "under-review", "accepted"]),
    submittedAt: z.string(),
  })
  .openapi("Application");

export const submitApplicationRoute = createRoute({
  method: "post",
  path: "/services/applications",
  tags: ["Citizen services"],
  summary:
    "Submit an application for an economic benefit (needs a PIN dispositivo, or SPID level 2 or higher)",
  security: [{ [BEARER]: [] }],
  request: { body: jsonBody(applicationBodySchema) },
  responses: {
    201: jsonResponse(applicationSchema, "Accepted; its status shows in /services/application-status"),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated"),
    403: problemResponse("dispositivo-required (the detail says how to convert the PIN), or action-required"),
    423: problemResponse("locked"),
  },
});
