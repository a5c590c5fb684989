// What stands in front of every gateway's /api/v1: injected faults first, then a body size limit.
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ServiceEnv } from "./create-service-app.ts";
import { faultInjection, type FaultInjector } from "./faults.ts";
import { problem } from "./problem.ts";

export function guardGatewayApi(
  app: Hono<ServiceEnv>,
  options: { faults: FaultInjector; maxBodyBytes: number; path?: string },
): void {
  const path = options.path ?? "/api/v1/*";
  app.use(path, faultInjection(options.faults));
  const tooLarge = (c: Context) =>
    problem(c, {
      status: 413,
      code: "too-large",
      title: "The request body is too large",
      detail: `The API reads at most ${options.maxBodyBytes} bytes.`,
    });
  const streamed = bodyLimit({ maxSize: options.maxBodyBytes, onError: tooLarge });
  app.use(path, async (c, next) => {
    // A declared length is checked from the header alone; only a chunked body is counted as it streams in (which
    // makes the Node adapter build a full web Request, the dearest part of a small request).
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(length) > options.maxBodyBytes ? tooLarge(c) : next();
    }
    return streamed(c, next);
  });
}
