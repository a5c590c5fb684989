// What every OpenAPI route table shares: the problem shape, JSON request and response helpers, and the router factory.
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Env } from "hono";
import { validationFailed } from "./problem.ts";
import { fieldErrors } from "./zod-errors.ts";

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

/** A failed validation of a route's input is `400 validation-failed`, naming each bad field. */
export function validationHook(result: { success: true } | { success: false; error: z.ZodError }): void {
  if (!result.success) throw validationFailed(fieldErrors(result.error));
}

/** A resource module's router: typed by the service's env, validation failures answered as problems. */
export function createRouter<E extends Env>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}
