// GET /api/v1/services/*: the consultation services an ordinary PIN opens (R27, R32), as simulated documents.
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonResponse, problemResponse } from "../http/schemas.ts";

export const consultationDocumentSchema = z
  .object({
    service: z.enum(["contribution-statement", "pension-slip"]),
    title: z.string(),
    fiscalCode: z.string(),
    holder: z.string(),
    issuedAt: z.string(),
    simulated: z.literal(true),
    lines: z.array(z.object({ label: z.string(), value: z.string() })),
  })
  .openapi("ConsultationDocument");

const consultation = (path: string, summary: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Citizen services"],
    summary,
    security: [{ [BEARER]: [] }],
    responses: {
      200: jsonResponse(consultationDocumentSchema, "A simulated document"),
      401: problemResponse("unauthenticated"),
      403: problemResponse("action-required: the session must first replace or renew its PIN"),
      423: problemResponse("locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08)"),
    },
  });

export const contributionStatementRoute = consultation(
  "/services/contribution-statement",
  "Estratto conto contributivo (simulated)",
);
export const pensionSlipRoute = consultation("/services/pension-slip", "Cedolino pensione (simulated)");
