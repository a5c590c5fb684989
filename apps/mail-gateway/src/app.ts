// createMailApp: the Mail service's HTTP surface (Mailpit's API, the inbox page, /__sim), built from its dependencies.
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
import { mountMailpitApi } from "./api/mailpit-routes.ts";
import { mountSimRoutes } from "./api/sim-routes.ts";
import { Mailbox } from "./mailbox.ts";
import type { PecSettings } from "./pec/pec-rules.ts";
import { SmtpFaults } from "./smtp/faults.ts";
import { mountInbox } from "./ui/inbox.ts";

export interface MailAppDeps {
  db: Database;
  database: { kind: DatabaseKind; location: string };
  clock: StackClock;
  logger: Logger;
  faults: FaultInjector;
  /** Unset: the control plane is not mounted (SIM_CONTROL=off). */
  adminToken?: string | undefined;
  ports?: () => Record<string, number>;
  /** Shared with the SMTP server; built from `pec` when not given. */
  mailbox?: Mailbox;
  smtpFaults?: SmtpFaults;
  pec?: PecSettings;
  chaosEnabled?: boolean;
  seed?: string;
}

export const DEFAULT_PEC: PecSettings = {
  domains: ["pec.it", "legalmail.it", "pec.inps.gov.it"],
  unknownMailboxes: [],
  deliveryDelayMs: 0,
  provider: "Gestore PEC del simulatore",
};

export function createMailApp(deps: MailAppDeps) {
  const mailbox = deps.mailbox ?? new Mailbox(deps.db, deps.clock, deps.pec ?? DEFAULT_PEC, deps.logger);
  const smtpFaults = deps.smtpFaults ?? new SmtpFaults(deps.seed ?? "inps-sim");
  const app = createServiceApp({ logger: deps.logger });
  mountHealth(app, {
    service: "mail-gateway",
    ports: deps.ports ?? (() => ({})),
    database: () => deps.database,
    clock: deps.clock,
  });
  app.use("/api/v1/*", faultInjection(deps.faults));
  mountMailpitApi(app, {
    mailbox,
    smtpFaults,
    db: deps.db,
    databaseLocation: deps.database.location,
    chaosEnabled: deps.chaosEnabled ?? false,
  });
  mountInbox(app, { mailbox });
  if (deps.adminToken) {
    app.route(
      "/__sim",
      createSimControl({
        token: deps.adminToken,
        clock: deps.clock,
        faults: deps.faults,
        reset: async () => {
          await truncateSchema(deps.db, "mail");
          mailbox.forgetPending();
          smtpFaults.clear();
        },
        onClockMoved: () => mailbox.deliverDue(),
        extend: (sim) => mountSimRoutes(sim, { mailbox, smtpFaults }),
      }),
    );
  }
  return Object.assign(app, { mailbox, smtpFaults });
}

export type MailApp = ReturnType<typeof createMailApp>;
