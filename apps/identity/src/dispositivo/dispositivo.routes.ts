// /api/v1/me/dispositivo-requests: the citizen's side of the conversion to a PIN dispositivo (R28–R31).
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonBody, jsonResponse, problemResponse } from "../http/schemas.ts";
import { DOCUMENT_TYPES } from "./identity-document.ts";

const isoDate = z.iso.date().openapi({ example: "2024-05-31" });

export const identityDocumentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    number: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .transform((n) => n.toUpperCase())
      .openapi({ example: "CA12345AB" }),
    issuedBy: z.string().trim().min(1).max(100).openapi({ example: "Comune di Roma" }),
    issueDate: isoDate,
    expiryDate: isoDate,
  })
  .strict()
  .openapi("IdentityDocument");

export const dispositivoRequestBodySchema = z
  .object({ identityDocument: identityDocumentSchema })
  .strict()
  .openapi("DispositivoRequestInput");

export const dispositivoRequestSchema = z
  .object({
    requestId: z.string(),
    status: z.enum(["awaiting-signed-form", "under-review", "approved", "rejected", "cancelled"]),
    formUrl: z.string(),
    identityDocument: z.object({
      type: z.string(),
      number: z.string(),
      issuedBy: z.string(),
      issueDate: z.string(),
      expiryDate: z.string(),
    }),
    deliveredVia: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("DispositivoRequest");

export const requestIdParam = z.object({
  requestId: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: "requestId", in: "path" }, example: "DSP-1A2B3C4D5E" }),
});

const sessionProblems = {
  401: problemResponse("unauthenticated"),
  403: problemResponse(
    "action-required: the PIN must first be replaced or renewed; pin-session-required (a SPID session: this route is about the PIN)",
  ),
};

export const createDispositivoRequestRoute = createRoute({
  method: "post",
  path: "/me/dispositivo-requests",
  tags: ["PIN dispositivo"],
  summary: "Ask to convert the ordinary PIN into a PIN dispositivo, giving an identity document",
  security: [{ [BEARER]: [] }],
  request: { body: jsonBody(dispositivoRequestBodySchema) },
  responses: {
    201: jsonResponse(dispositivoRequestSchema, "The request; print, sign and send back the form at formUrl"),
    400: problemResponse(
      "validation-failed: a number in the wrong format, an expired document, one issued in the future",
    ),
    ...sessionProblems,
    409: problemResponse("already-dispositivo, or dispositivo-request-open"),
  },
});

export const getDispositivoRequestRoute = createRoute({
  method: "get",
  path: "/me/dispositivo-requests/{requestId}",
  tags: ["PIN dispositivo"],
  summary: "One of the citizen's conversion requests",
  security: [{ [BEARER]: [] }],
  request: { params: requestIdParam },
  responses: {
    200: jsonResponse(dispositivoRequestSchema, "The request"),
    ...sessionProblems,
    404: problemResponse("not-found"),
  },
});

export const dispositivoFormRoute = createRoute({
  method: "get",
  path: "/me/dispositivo-requests/{requestId}/form.pdf",
  tags: ["PIN dispositivo"],
  summary: "The form (modulo) to print and sign",
  security: [{ [BEARER]: [] }],
  request: { params: requestIdParam },
  responses: {
    200: {
      description: "The form",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...sessionProblems,
    404: problemResponse("not-found"),
  },
});

const fileField = z.unknown().openapi({ type: "string", format: "binary" });

export const uploadDocumentsRoute = createRoute({
  method: "post",
  path: "/me/dispositivo-requests/{requestId}/documents",
  tags: ["PIN dispositivo"],
  summary: "Upload the signed form and the identity document (PDF, PNG or JPEG, recognised by content)",
  security: [{ [BEARER]: [] }],
  request: {
    params: requestIdParam,
    body: {
      required: true,
      content: {
        "multipart/form-data": { schema: z.object({ signedForm: fileField, identityDocument: fileField }) },
      },
    },
  },
  responses: {
    202: jsonResponse(z.object({ status: z.literal("under-review") }), "Received; an operator will decide"),
    400: problemResponse("validation-failed: a part is missing"),
    ...sessionProblems,
    404: problemResponse("not-found"),
    409: problemResponse("wrong-request-state: the form was already delivered, or the request is decided"),
    413: problemResponse("too-large"),
    415: problemResponse("unsupported-media-type"),
  },
});

const linkSchema = z.object({ method: z.string(), path: z.string() });

export const conversionScreenSchema = z
  .object({
    personalData: z.object({
      fiscalCode: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      gender: z.string(),
      birthDate: z.string(),
      birthPlace: z.string().nullable(),
      residence: z
        .object({ street: z.string(), postalCode: z.string(), city: z.string(), province: z.string() })
        .nullable(),
    }),
    contacts: z.object({
      email: z.string().nullable(),
      pec: z.string().nullable(),
      mobile: z.string().nullable(),
    }),
    editContacts: z
      .object({ label: z.string(), change: linkSchema, confirm: linkSchema, refresh: linkSchema })
      .openapi({ description: "Modifica contatti utente: the contacts flow, then this screen again" }),
    identityDocumentTypes: z.array(z.enum(DOCUMENT_TYPES)),
    next: linkSchema,
    openRequestId: z
      .string()
      .nullable()
      .openapi({ description: "A request already open, if any (a new one would be 409)" }),
  })
  .openapi("DispositivoConversionScreen");

export const conversionScreenRoute = createRoute({
  method: "get",
  path: "/me/dispositivo-conversion",
  tags: ["PIN dispositivo"],
  summary: "Converti PIN, second screen: the personal data and the contacts, with the way to edit them (R29)",
  security: [{ [BEARER]: [] }],
  responses: {
    200: jsonResponse(conversionScreenSchema, "What the citizen checks before giving the identity document"),
    ...sessionProblems,
    409: problemResponse("already-dispositivo"),
  },
});
