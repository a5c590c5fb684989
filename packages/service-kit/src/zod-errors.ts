// zod issues → the `errors: [{ path, message }]` of a validation problem.
import type { z } from "zod";
import type { FieldError } from "./problem.ts";

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}
