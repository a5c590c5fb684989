// Every service refuses a body over its limit with `413 too-large` before reading it: a declared Content-Length is
// judged from the header alone; a chunked body is counted as it streams in and dropped at the limit.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { problem } from "./problem.ts";

/** The identity service's JSON limit (docs/contract.md), and the default of every service that sets none. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export type TooLargeAnswer = (c: Context, maxBytes: number) => Response | Promise<Response>;

export const tooLargeProblem: TooLargeAnswer = (c, maxBytes) =>
  problem(c, {
    status: 413,
    code: "too-large",
    title: "The request body is too large",
    detail: `This service reads at most ${maxBytes} bytes of a request body.`,
  });

export function limitBody(options: {
  maxBytes: number;
  answer?: TooLargeAnswer | undefined;
}): MiddlewareHandler {
  const answer = options.answer ?? tooLargeProblem;
  const tooLarge = (c: Context) => answer(c, options.maxBytes);
  const streamed = bodyLimit({ maxSize: options.maxBytes, onError: tooLarge });
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const length = c.req.header("content-length");
    // Only a chunked body goes through the counting stream (it makes the Node adapter build a full web Request,
    // the dearest part of a small request).
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(length) > options.maxBytes ? tooLarge(c) : next();
    }
    return streamed(c, next);
  };
}
