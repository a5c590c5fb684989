// createPostalApp: the postal gateway's HTTP surface, built from its dependencies.
import { truncateSchema, type Database, type DatabaseKind } from "@inps-sim/db";
import {
  createServiceApp,
  createSimControl,
  guardGatewayApi,
  mountHealth,
  type FaultInjector,
  type Logger,
  type ServiceEnv,
  type StackClock,
} from "@inps-sim/service-kit";
import type { Context } from "hono";
import type { PostalSettings } from "./config.ts";
import { parseUnknownAddresses } from "./postal/address.ts";
import { renderMailbox } from "./postal/mailbox-page.ts";
import { letterRoutes } from "./postal/routes.ts";

export const POSTAL_DEFAULT_SETTINGS: PostalSettings = {
  SIM_SEED: "inps-sim",
  POSTAL_UNKNOWN_ADDRESSES: parseUnknownAddresses("Via Inesistente"),
};

/** The largest request body the API reads; anything bigger is `413 too-large`. */
export const POSTAL_MAX_BODY_BYTES = 128 * 1024;

export interface PostalAppDeps {
  db: Database;
  database: { kind: DatabaseKind; location: string };
  clock: StackClock;
  logger: Logger;
  faults: FaultInjector;
  /** Unset: the control plane is not mounted (SIM_CONTROL=off). */
  adminToken?: string | undefined;
  ports?: () => Record<string, number>;
  settings: PostalSettings;
}

export function createPostalApp(deps: PostalAppDeps) {
  const app = createServiceApp({ logger: deps.logger });
  mountHealth(app, {
    service: "postal-gateway",
    ports: deps.ports ?? (() => ({})),
    database: () => deps.database,
    clock: deps.clock,
  });
  guardGatewayApi(app, { faults: deps.faults, maxBodyBytes: POSTAL_MAX_BODY_BYTES });
  app.route("/api/v1", letterRoutes(deps));

  const mailbox = async (c: Context<ServiceEnv>) => {
    const name = c.req.query("name");
    return c.html(await renderMailbox(deps.db, deps.clock, name && name.length <= 200 ? name : undefined));
  };
  app.get("/", mailbox);
  app.get("/mailbox", mailbox);

  if (deps.adminToken) {
    app.route(
      "/__sim",
      createSimControl({
        token: deps.adminToken,
        clock: deps.clock,
        faults: deps.faults,
        reset: () => truncateSchema(deps.db, "postal"),
        // Nothing to do on a move: a letter's status is read off its planned journey and the clock.
      }),
    );
  }
  return app;
}
