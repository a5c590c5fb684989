// What stands in front of every gateway's /api/v1: injected faults first, then a body size limit.
import type { Hono } from "hono";
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
  app.use(
    path,
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: (c) =>
        problem(c, {
          status: 413,
          code: "too-large",
          title: "The request body is too large",
          detail: `The API reads at most ${options.maxBodyBytes} bytes.`,
        }),
    }),
  );
}
