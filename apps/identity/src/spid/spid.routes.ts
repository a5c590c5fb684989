// SPID (R33, R35). The test identity provider at /spid (admin token: it logs anyone in as whichever citizen of the
// simulator), and the service provider's login at /api/v1/sessions/spid.
import { createRoute, z } from "@hono/zod-openapi";
import { ADMIN, fiscalCodeField, jsonBody, jsonResponse, problemResponse } from "../http/schemas.ts";
import { requiredActionSchema } from "../sessions/sessions.routes.ts";

const levelSchema = z
  .union([z.literal(1), z.literal(2), z.literal(3)])
  .openapi({ description: "SPID level 1–3" });

export const assertionRequestSchema = z
  .object({
    fiscalCode: fiscalCodeField,
    level: levelSchema,
    audience: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: "Default: this service (a wrong one makes a refused assertion on purpose)" }),
    lifetimeSeconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .optional()
      .openapi({ description: "Simulated seconds until it expires; default 300" }),
  })
  .strict()
  .openapi("SpidAssertionRequest");

export const assertionIssuedSchema = z
  .object({
    assertion: z.string().openapi({ description: "A JWT (ES256) signed with the key in /spid/jwks.json" }),
    issuer: z.string(),
    audience: z.string(),
    level: levelSchema,
    expiresAt: z.string(),
    identity: z.object({
      fiscalNumber: z.string(),
      name: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string(),
    }),
  })
  .openapi("SpidAssertion");

export const jwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        y: z.string(),
        kid: z.string(),
        alg: z.string(),
        use: z.string(),
      }),
    ),
  })
  .openapi("SpidJwks");

// A JWS in compact form; anything else is bad input, not a bad assertion.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export const spidLoginBodySchema = z
  .object({
    assertion: z.string().min(1).max(8192).regex(COMPACT_JWS, "l'asserzione SPID è un JWT in forma compatta"),
  })
  .strict()
  .openapi("SpidLogin");

export const spidSessionSchema = z
  .object({
    token: z.string().openapi({ description: "Opaque bearer token" }),
    expiresAt: z.string(),
    pinKind: z
      .enum(["ordinary", "dispositivo"])
      .openapi({ description: "What the session may do: dispositivo from SPID level 2 (R35)" }),
    requiredAction: requiredActionSchema,
    spidLevel: levelSchema,
  })
  .openapi("SpidSession");

export const issueAssertionRoute = createRoute({
  method: "post",
  path: "/spid/assertions",
  tags: ["SPID"],
  summary: "Test identity provider: an assertion for a citizen of the simulator at SPID level 1–3",
  security: [{ [ADMIN]: [] }],
  request: { body: jsonBody(assertionRequestSchema) },
  responses: {
    201: jsonResponse(assertionIssuedSchema, "Signed assertion"),
    400: problemResponse("validation-failed"),
    401: problemResponse("unauthenticated: the admin token is needed"),
    404: problemResponse("unknown-identity: no citizen with that fiscal code in the simulator"),
  },
});

export const jwksRoute = createRoute({
  method: "get",
  path: "/spid/jwks.json",
  tags: ["SPID"],
  summary: "Test identity provider: its public key (JWKS), made at start",
  responses: { 200: jsonResponse(jwksSchema, "JSON Web Key Set") },
});

export const idpPageRoute = createRoute({
  method: "get",
  path: "/spid",
  tags: ["SPID"],
  summary: "Test identity provider: a page (Italian) to pick an identity and a level",
  responses: { 200: { description: "HTML page", content: { "text/html": { schema: z.string() } } } },
});

export const idpFormRoute = createRoute({
  method: "post",
  path: "/spid",
  tags: ["SPID"],
  summary:
    "Test identity provider: the page's form (admin token, fiscal code, level); answers a page with the assertion",
  request: {
    body: {
      required: true,
      content: {
        "application/x-www-form-urlencoded": {
          schema: z.object({
            token: z.string().max(512),
            fiscalCode: fiscalCodeField,
            level: z.enum(["1", "2", "3"]),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: "HTML page with the assertion", content: { "text/html": { schema: z.string() } } },
    400: problemResponse("validation-failed"),
    401: { description: "HTML page: wrong admin token", content: { "text/html": { schema: z.string() } } },
    404: { description: "HTML page: no such citizen", content: { "text/html": { schema: z.string() } } },
    415: problemResponse("unsupported-media-type: the page's form is application/x-www-form-urlencoded"),
  },
});

export const spidLoginRoute = createRoute({
  method: "post",
  path: "/sessions/spid",
  tags: ["SPID"],
  summary: "Log in with a SPID assertion (from 15 March 2016 in simulated time)",
  request: { body: jsonBody(spidLoginBodySchema) },
  responses: {
    201: jsonResponse(spidSessionSchema, "Logged in with SPID"),
    400: problemResponse("validation-failed"),
    401: problemResponse(
      "spid-assertion-rejected with reason: malformed, signature, issuer, audience, expired, not-yet-valid, replayed, unknown-citizen",
    ),
    403: problemResponse("spid-not-available: before 15 March 2016 in simulated time"),
  },
});
