// What stands in front of every gateway's /api/v1: injected faults (the body limit is the service app's, before it).
import type { Hono } from "hono";
import type { ServiceEnv } from "./create-service-app.ts";
import { faultInjection, type FaultInjector } from "./faults.ts";

export function guardGatewayApi(
  app: Hono<ServiceEnv>,
  options: { faults: FaultInjector; path?: string },
): void {
  app.use(options.path ?? "/api/v1/*", faultInjection(options.faults));
}
