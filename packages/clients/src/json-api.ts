// The HTTP plumbing the gateways' clients share: JSON requests, Idempotency-Key, and failures as typed errors.

export interface ApiRequestOptions {
  /** Sent as Idempotency-Key: a retry with the same key creates nothing new. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** What a failed answer carries: the HTTP status, the problem+json `code` (`http-<status>` without one), the body. */
export interface FailedAnswer {
  status: number;
  code: string;
  problem: unknown;
  message: string;
}

export type Requester = (
  method: string,
  path: string,
  body?: unknown,
  options?: ApiRequestOptions,
  accept?: string,
) => Promise<Response>;

export function createRequester(options: {
  baseUrl: string;
  fetch?: typeof fetch | undefined;
  headers?: Record<string, string> | undefined;
  /** Builds the client's own error type from a failed answer. */
  toError: (failure: FailedAnswer) => Error;
}): Requester {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  return async (method, path, body, opts = {}, accept = "application/json") => {
    const headers: Record<string, string> = { accept, ...options.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (opts.idempotencyKey !== undefined) headers["idempotency-key"] = opts.idempotencyKey;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: opts.signal ?? null,
    });
    if (!res.ok) throw options.toError(await readFailure(res, method, path));
    return res;
  };
}

export async function readFailure(res: Response, method: string, path: string): Promise<FailedAnswer> {
  const text = await res.text().catch(() => "");
  let problem: unknown = text;
  try {
    problem = JSON.parse(text) as unknown;
  } catch {
    // not JSON (a fault's plain answer): keep the text
  }
  return failureOf(res, problem, method, path);
}

/** A failed answer from its parsed body (problem+json, a fault's JSON, or text), as openapi-fetch hands it over. */
export function failureOf(res: Response, problem: unknown, method: string, path: string): FailedAnswer {
  const text = typeof problem === "string" ? problem : "";
  const fields = (typeof problem === "object" && problem !== null ? problem : {}) as {
    code?: unknown;
    detail?: unknown;
    title?: unknown;
  };
  const code = typeof fields.code === "string" ? fields.code : `http-${res.status}`;
  const detail =
    typeof fields.detail === "string"
      ? fields.detail
      : typeof fields.title === "string"
        ? fields.title
        : text.slice(0, 200);
  const message = `${method} ${path.split("?")[0]} answered ${res.status} ${code}${detail ? `: ${detail}` : ""}`;
  return { status: res.status, code, problem, message };
}

/** The base of each gateway client's error: status, problem `code` and the parsed body of the answer. */
export class GatewayClientError extends Error {
  constructor(
    readonly status: number,
    /** The problem+json `code` (e.g. validation-failed); `http-<status>` when there is none. */
    readonly code: string,
    /** The parsed body of the answer (problem+json, or a fault's own body). */
    readonly problem: unknown,
    message: string,
  ) {
    super(message);
  }
}

/** How every gateway client is pointed at its gateway. */
export interface GatewayClientOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:4010 */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. X-Request-Id). */
  headers?: Record<string, string>;
}
