// R25 GET/PATCH /api/v1/me/contacts and POST /api/v1/me/contacts/verifications/{id}; R26 the operator's contacts.
import { createRoute, z } from "@hono/zod-openapi";
import { BEARER, jsonBody, jsonResponse, OPERATOR, problemResponse, secretString } from "../http/schemas.ts";

export const maskedContactsSchema = z
  .object({
    email: z.string().nullable().openapi({ example: "m***i@example.it" }),
    pec: z.string().nullable(),
    mobile: z.string().nullable().openapi({ example: "+39 3** *** **67" }),
  })
  .openapi("MaskedContacts");

const contactsAnswer = z.object({ contacts: maskedContactsSchema }).openapi("ContactsAnswer");

const contactValue = (max: number) => z.string().max(max).nullable().optional();

export const contactPatchSchema = z
  .object({
    email: contactValue(254).openapi({ description: "A new email, or null to remove it" }),
    pec: contactValue(254).openapi({
      description: "A new PEC (a certified provider's domain), or null to remove it",
    }),
    mobile: contactValue(32).openapi({ description: "A new Italian mobile number, or null to remove it" }),
  })
  .strict()
  .openapi("ContactPatch");

export const getContactsRoute = createRoute({
  method: "get",
  path: "/me/contacts",
  tags: ["Citizen"],
  summary: "The registered contacts, masked (R25)",
  security: [{ [BEARER]: [] }],
  responses: {
    200: jsonResponse(contactsAnswer, "The contacts"),
    401: problemResponse("unauthenticated"),
    403: problemResponse(
      "action-required, pin-session-required (a SPID session: this route is about the PIN)",
    ),
  },
});

export const patchContactsRoute = createRoute({
  method: "patch",
  path: "/me/contacts",
  tags: ["Citizen"],
  summary: "Change one contact: a verification code goes to the new contact (R25)",
  description:
    "One contact per call: a value sets it, null removes it. Nothing changes until the code is confirmed; a removal's code " +
    "goes to a contact that remains. At least one digital contact must remain.",
  security: [{ [BEARER]: [] }],
  request: { body: jsonBody(contactPatchSchema) },
  responses: {
    202: jsonResponse(
      z
        .object({
          verificationId: z.string(),
          destination: z.string().openapi({ example: "m***i@example.it" }),
        })
        .openapi("ContactChangeStarted"),
      "A verification code was sent",
    ),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated"),
    403: problemResponse(
      "action-required, pin-session-required (a SPID session: this route is about the PIN)",
    ),
    409: problemResponse("last-contact: at least one digital contact must remain"),
  },
});

export const verifyContactsRoute = createRoute({
  method: "post",
  path: "/me/contacts/verifications/{id}",
  tags: ["Citizen"],
  summary: "Confirm a contact change with the verification code (R25)",
  security: [{ [BEARER]: [] }],
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: jsonBody(z.object({ code: secretString(32).min(1) }).openapi("ContactVerificationCode")),
  },
  responses: {
    200: jsonResponse(contactsAnswer, "Changed: the contacts as they are now"),
    400: problemResponse("invalid-code (with attemptsLeft)"),
    401: problemResponse("unauthenticated"),
    403: problemResponse(
      "action-required, pin-session-required (a SPID session: this route is about the PIN)",
    ),
    404: problemResponse("not-found"),
    409: problemResponse("last-contact"),
    410: problemResponse(
      "code-expired (also after too many wrong codes, once used, or replaced by a newer change)",
    ),
  },
});

export const operatorContactsRoute = createRoute({
  method: "post",
  path: "/operator/citizens/{fiscalCode}/contacts",
  tags: ["Operator"],
  summary: "Add a contact after the caller was identified (contact centre 803 164)",
  description:
    "Applied at once (the operator identified the caller); a contact already registered is replaced, and the previous one is told.",
  security: [{ [OPERATOR]: [] }],
  request: {
    params: z.object({ fiscalCode: z.string().min(1).max(32) }),
    body: jsonBody(
      z
        .object({
          email: z.string().max(254).optional(),
          pec: z.string().max(254).optional(),
          mobile: z.string().max(32).optional(),
        })
        .strict()
        .openapi("OperatorContacts"),
    ),
  },
  responses: {
    200: jsonResponse(contactsAnswer, "The contacts as they are now"),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated: an operator token is needed"),
    404: problemResponse("not-found: no such citizen"),
  },
});
