// RFC 9457 problem details with a stable `code`: the one error shape of every service.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemInit {
  status: ContentfulStatusCode;
  code: string;
  title: string;
  detail?: string | undefined;
  errors?: FieldError[] | undefined;
  /** Extra members (e.g. `retryAfter`, `reasons`), merged into the body. */
  extra?: Record<string, unknown> | undefined;
  headers?: Record<string, string> | undefined;
}

export class ProblemError extends Error {
  readonly init: ProblemInit;
  constructor(init: ProblemInit) {
    super(init.detail ?? init.title);
    this.init = init;
  }
}

export const PROBLEM_TYPE_BASE = "https://inps-pin-simulator.local/problems/";

export function problemBody(init: ProblemInit, requestId?: string): Record<string, unknown> {
  return {
    type: PROBLEM_TYPE_BASE + init.code,
    title: init.title,
    status: init.status,
    detail: init.detail ?? init.title,
    code: init.code,
    ...(init.errors ? { errors: init.errors } : {}),
    ...(init.extra ?? {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function problem(c: Context, init: ProblemInit): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/problem+json");
  const requestId = c.get("requestId") as string | undefined;
  if (requestId) headers.set("x-request-id", requestId);
  return new Response(JSON.stringify(problemBody(init, requestId)), { status: init.status, headers });
}

export function validationFailed(errors: FieldError[], detail?: string): ProblemError {
  return new ProblemError({
    status: 400,
    code: "validation-failed",
    title: "La richiesta non è valida",
    // Each message names its field in words (the machine path stays in `errors`).
    detail: detail ?? errors.map((e) => e.message.charAt(0).toUpperCase() + e.message.slice(1)).join("; "),
    errors,
  });
}
