// The Hono app every service starts from: request ids, access logs, problem+json for every failure.
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { z } from "zod";
import { DEFAULT_MAX_BODY_BYTES, limitBody, type TooLargeAnswer } from "./body-limit.ts";
import { problem, ProblemError, validationFailed } from "./problem.ts";
import { storableTextOnly } from "./storable-text.ts";
import { fieldErrors } from "./zod-errors.ts";
import { validationHook } from "./openapi.ts";

export interface ServiceVariables {
  requestId: string;
  log: Logger;
}

export type ServiceEnv = { Variables: ServiceVariables };

export type ServiceApp = OpenAPIHono<ServiceEnv>;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface ServiceAppOptions {
  logger: Logger;
  /** The largest request body any route reads (default 64 KiB); a bigger one is `413 too-large`, unread. */
  maxBodyBytes?: number | undefined;
  /** How a body over the limit is answered; default `413 too-large` as problem+json. */
  tooLarge?: TooLargeAnswer | undefined;
}

export function createServiceApp(options: ServiceAppOptions): ServiceApp {
  const app = new OpenAPIHono<ServiceEnv>({ defaultHook: validationHook });

  app.use("*", async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    const log = lazyChild(options.logger, { requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    const started = performance.now();
    await next();
    c.res.headers.set("x-request-id", requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    // Paths only: query strings and bodies may carry secrets; so may a path (a recovery link's token).
    log.debug({ method: c.req.method, path: loggablePath(c.req.path), status: c.res.status, ms }, "request");
  });
  // The body limit first, so that the input rule below never reads more than the limit.
  app.use(
    "*",
    limitBody({ maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, answer: options.tooLarge }),
  );
  app.use("*", storableTextOnly());

  app.notFound((c) =>
    problem(c, {
      status: 404,
      code: "not-found",
      title: "Risorsa non trovata",
      detail: `${c.req.method} ${c.req.path} non esiste`,
    }),
  );

  app.onError((error, c) => toProblem(error, c));
  return app;
}

/** A path segment of 20+ token characters is a bearer secret (e.g. `rip_…` of a recovery link): logged masked. */
const OPAQUE_SEGMENT = /^[A-Za-z]{0,8}_?[A-Za-z0-9_-]{20,}$/;

export function loggablePath(path: string): string {
  return path
    .split("/")
    .map((segment) =>
      OPAQUE_SEGMENT.test(segment) && (/\d/.test(segment) || (/[A-Z]/.test(segment) && /[a-z]/.test(segment)))
        ? `${segment.slice(0, 4)}…`
        : segment,
    )
    .join("/");
}

const HTTP_CODES: Record<number, string> = {
  401: "unauthenticated",
  413: "too-large",
  415: "unsupported-media-type",
};

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace"]);
const noop = () => {};

/**
 * The request's logger, made on first use. Most requests write no line (the access line is debug), and making a
 * pino child (its bindings serialised through the redaction) costs more than the rest of a small request.
 */
function lazyChild(root: Logger, bindings: Record<string, unknown>): Logger {
  let child: Logger | undefined;
  return new Proxy(root, {
    get(_target, prop) {
      if (child === undefined && typeof prop === "string" && LEVELS.has(prop) && !root.isLevelEnabled(prop))
        return noop;
      child ??= root.child(bindings);
      const value: unknown = Reflect.get(child, prop, child);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(child) : value;
    },
  });
}

export function toProblem(error: unknown, c: Parameters<typeof problem>[0]): Response {
  if (error instanceof ProblemError) return problem(c, error.init);
  if (error instanceof z.ZodError) return problem(c, validationFailed(fieldErrors(error)).init);
  if (error instanceof HTTPException) {
    if (error.status === 400) {
      return problem(
        c,
        validationFailed([{ path: "", message: "Corpo della richiesta: non è un JSON valido" }]).init,
      );
    }
    if (error.status === 415) {
      return problem(c, {
        status: 415,
        code: "unsupported-media-type",
        title: "Formato della richiesta non supportato",
        detail:
          "Il corpo della richiesta deve essere in formato JSON, con l'intestazione Content-Type: application/json.",
      });
    }
    return problem(c, {
      status: error.status,
      code: HTTP_CODES[error.status] ?? `http-${error.status}`,
      title: error.message || "Richiesta rifiutata",
    });
  }
  const log = c.get("log") as Logger | undefined;
  if (clientAborted(error, c.req.raw)) {
    // Nobody reads this answer; the client's going away is no fault of the service.
    log?.info({ method: c.req.method, path: c.req.path }, "request aborted by the client");
    return problem(c, {
      status: 400,
      code: "request-aborted",
      title: "The client closed the request before it was read",
    });
  }
  log?.error({ err: error }, "unhandled error");
  return problem(c, {
    status: 500,
    code: "internal-error",
    title: "Errore interno",
    detail:
      "Il simulatore non è riuscito a gestire la richiesta; il log riporta i dettagli sotto questo identificativo di richiesta.",
  });
}

/** A body read that failed because the client closed the connection (the Node adapter's "aborted", ECONNRESET). */
function clientAborted(error: unknown, request: Request): boolean {
  if (request.signal.aborted) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name === "AbortError" ||
    code === "ECONNRESET" ||
    code === "ERR_STREAM_PREMATURE_CLOSE" ||
    error.message === "aborted"
  );
}

/** Reads a JSON body and validates it; malformed JSON and a wrong shape are both `400 validation-failed`. */
export async function readJson<S extends z.ZodType>(
  req: { json(): Promise<unknown> },
  schema: S,
): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw validationFailed([{ path: "", message: "Corpo della richiesta: non è un JSON valido" }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

/** Validates a query string; a wrong one is `400 validation-failed` naming each bad parameter. */
export function readQuery<S extends z.ZodType>(query: Record<string, string>, schema: S): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}
