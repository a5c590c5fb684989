// createSmsApp: the SMS gateway's HTTP surface, built from its dependencies.
import { truncateSchema, type Database, type DatabaseKind } from "@inps-sim/db";
import {
  createServiceApp,
  createSimControl,
  faultInjection,
  mountHealth,
  type FaultInjector,
  type Logger,
  type StackClock,
} from "@inps-sim/service-kit";

export interface SmsAppDeps {
  db: Database;
  database: { kind: DatabaseKind; location: string };
  clock: StackClock;
  logger: Logger;
  faults: FaultInjector;
  /** Unset: the control plane is not mounted (SIM_CONTROL=off). */
  adminToken?: string | undefined;
  ports?: () => Record<string, number>;
}

export function createSmsApp(deps: SmsAppDeps) {
  const app = createServiceApp({ logger: deps.logger });
  mountHealth(app, {
    service: "sms-gateway",
    ports: deps.ports ?? (() => ({})),
    database: () => deps.database,
    clock: deps.clock,
  });
  app.use("/api/v1/*", faultInjection(deps.faults));
  if (deps.adminToken) {
    app.route(
      "/__sim",
      createSimControl({
        token: deps.adminToken,
        clock: deps.clock,
        faults: deps.faults,
        reset: () => truncateSchema(deps.db, "sms"),
      }),
    );
  }
  return app;
}
