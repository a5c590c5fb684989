// The frame every mock gateway shares: the service app (body limit, input rule), /health, faults in front of /api/v1,
// and the /__sim control plane when there is a token. The gateway adds its own routes in between.
import type { Database, DatabaseHandle, DatabaseKind } from "@inps-sim/db";
import type { TooLargeAnswer } from "./body-limit.ts";
import { mountApiDocs, type ApiDocsOptions } from "./api-docs.ts";
import { createServiceApp, type ServiceApp } from "./create-service-app.ts";
import { FaultInjector } from "./faults.ts";
import { guardGatewayApi } from "./gateway-api.ts";
import { mountHealth } from "./health.ts";
import type { Logger } from "./logger.ts";
import type { StackClock } from "./persistent-clock.ts";
import { createSimControl, type SimControlOptions } from "./sim-control.ts";

/** What every gateway app is built from. */
export interface GatewayDeps {
  db: Database;
  database: { kind: DatabaseKind; location: string };
  clock: StackClock;
  logger: Logger;
  faults: FaultInjector;
  /** Unset: the control plane is not mounted (SIM_CONTROL=off). */
  adminToken?: string | undefined;
  ports?: () => Record<string, number>;
}

export interface GatewayFrame {
  service: string;
  /** The largest body any route reads (default 64 KiB); a bigger one is refused before it is read. */
  maxBodyBytes?: number;
  /** How that refusal is answered; default `413 too-large` problem+json (the mail gateway answers as Mailpit does). */
  tooLarge?: TooLargeAnswer;
  /** The control plane's reset and extras; token, clock and faults come from the deps. */
  sim: Omit<SimControlOptions, "token" | "clock" | "faults">;
  /** Mounts the gateway's own routes. */
  routes(app: ServiceApp): void;
  /** The API's OpenAPI document (/openapi.json) and reference page (/docs); unset: neither is served. */
  docs?: ApiDocsOptions;
}

export function createGatewayApp(deps: GatewayDeps, frame: GatewayFrame): ServiceApp {
  const app = createServiceApp({
    logger: deps.logger,
    maxBodyBytes: frame.maxBodyBytes,
    tooLarge: frame.tooLarge,
  });
  mountHealth(app, {
    service: frame.service,
    ports: deps.ports ?? (() => ({})),
    database: () => deps.database,
    clock: deps.clock,
  });
  guardGatewayApi(app, { faults: deps.faults });
  frame.routes(app);
  if (frame.docs) mountApiDocs(app, frame.docs);
  if (deps.adminToken) {
    app.route(
      "/__sim",
      createSimControl({ ...frame.sim, token: deps.adminToken, clock: deps.clock, faults: deps.faults }),
    );
  }
  return app;
}

/** A gateway's deps from what its start-up has: the database, the loaded clock and its settings. */
export function gatewayDeps(options: {
  handle: DatabaseHandle;
  clock: StackClock;
  logger: Logger;
  config: { SIM_SEED: string; SIM_CONTROL: boolean; SIM_ADMIN_TOKEN?: string | undefined };
  ports: () => Record<string, number>;
}): GatewayDeps {
  const { handle, config } = options;
  return {
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock: options.clock,
    logger: options.logger,
    faults: new FaultInjector(config.SIM_SEED),
    adminToken: config.SIM_CONTROL ? config.SIM_ADMIN_TOKEN : undefined,
    ports: options.ports,
  };
}
