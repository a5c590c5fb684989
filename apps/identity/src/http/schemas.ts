// Schemas shared by the routes: the personal data and the bearer security schemes.
import { z } from "@hono/zod-openapi";

// The problem shape and the JSON helpers are every service's: they live in service-kit.
export { jsonBody, jsonResponse, problemResponse, problemSchema } from "@inps-sim/service-kit";

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
export const ADMIN = "adminAuth";
