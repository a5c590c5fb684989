// Schemas shared by the routes: the problem shape, the personal data, the bearer security scheme.
import { z } from "@hono/zod-openapi";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: "Stable kebab-case code that tests match on" }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .passthrough()
  .openapi("Problem");

/** A problem response for the route table. */
export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Secrets are short strings; a cap keeps a hostile body from costing a hash of megabytes. */
export const secretString = (max = 64) => z.string().max(max);

export const fiscalCodeField = z
  .string()
  .min(1)
  .max(32)
  .openapi({ example: "RSSMRA80A01H501U", description: "Codice fiscale, 16 characters" });

export const healthCardSchema = z
  .object({
    number: z.string().min(1).max(40).openapi({ example: "80380000301234567890" }),
    expiryDate: z.string().min(1).max(20).openapi({ example: "2029-05-31" }),
  })
  .openapi("HealthCard");

export const contactsSchema = z
  .object({
    email: z.string().max(254).optional(),
    pec: z.string().max(254).optional(),
    mobile: z.string().max(32).optional(),
  })
  .openapi("Contacts");

export const residenceSchema = z
  .object({
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().regex(/^\d{5}$/, "il CAP ha cinque cifre"),
    city: z.string().trim().min(1).max(100),
    province: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "la sigla della provincia ha due lettere, per esempio RM")
      .transform((p) => p.toUpperCase()),
  })
  .openapi("Residence");

export const BEARER = "bearerAuth";
export const OPERATOR = "operatorAuth";
