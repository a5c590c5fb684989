// createIdentityApp: the identity service's HTTP surface, built from its dependencies.
import { truncateSchema, type Database, type DatabaseKind } from "@inps-sim/db";
import { createServiceApp, createSimControl, mountHealth, type Logger, type StackClock } from "@inps-sim/service-kit";
import type { StackControl } from "./stack-control.ts";

export interface IdentityAppDeps {
  db: Database;
  database: { kind: DatabaseKind; location: string };
  clock: StackClock;
  logger: Logger;
  /** Forwards clock moves and resets to the gateways. */
  stack: StackControl;
  /** Unset: the control plane is not mounted (SIM_CONTROL=off). */
  adminToken?: string | undefined;
  ports?: () => Record<string, number>;
}

export function createIdentityApp(deps: IdentityAppDeps) {
  const app = createServiceApp({ logger: deps.logger });
  mountHealth(app, {
    service: "identity",
    ports: deps.ports ?? (() => ({})),
    database: () => deps.database,
    clock: deps.clock,
  });
  if (deps.adminToken) {
    app.route(
      "/__sim",
      createSimControl({
        token: deps.adminToken,
        clock: deps.clock,
        onClockMoved: async (now) => {
          await deps.stack.syncClocks(now);
        },
        reset: async () => {
          await truncateSchema(deps.db, "identity");
          await deps.stack.reset();
        },
      }),
    );
  }
  return app;
}
