// createMailApp: the Mail service's HTTP surface (Mailpit's API, the inbox page, /__sim), built from its dependencies.
import { truncateSchema } from "@inps-sim/db";
import { createGatewayApp, type GatewayDeps } from "@inps-sim/service-kit";
import { corsOrigins } from "./http/cors.ts";
import { mountMailpitApi } from "./http/mailpit-api.ts";
import { inboxPage, messagePage } from "./inbox/inbox.handlers.ts";
import { Mailbox } from "./mailbox.ts";
import type { PecSettings } from "./pec/pec-rules.ts";
import { SmtpFaults } from "./smtp/faults.ts";
import { mountSimRoutes } from "./sim/sim.routes.ts";

export interface MailAppDeps extends GatewayDeps {
  /** Shared with the SMTP server; built from `pec` when not given. */
  mailbox?: Mailbox;
  smtpFaults?: SmtpFaults;
  pec?: PecSettings;
  chaosEnabled?: boolean;
  /** MAIL_API_CORS: hosts whose browser pages may call the API (Mailpit's --api-cors). */
  apiCors?: string;
  seed?: string;
}

/** The largest request body the HTTP side reads, as Mailpit's. */
export const MAILPIT_MAX_BODY_BYTES = 1024 * 1024;

export const DEFAULT_PEC: PecSettings = {
  domains: ["pec.it", "legalmail.it", "pec.inps.gov.it"],
  unknownMailboxes: [],
  deliveryDelayMs: 0,
  provider: "Gestore PEC del simulatore",
};

export function createMailApp(deps: MailAppDeps) {
  const mailbox = deps.mailbox ?? new Mailbox(deps.db, deps.clock, deps.pec ?? DEFAULT_PEC, deps.logger);
  const smtpFaults = deps.smtpFaults ?? new SmtpFaults(deps.seed ?? "inps-sim");
  const app = createGatewayApp(deps, {
    service: "mail-gateway",
    // Mailpit's limit, answered as Mailpit does (its clients read any other status as a failure anyway).
    maxBodyBytes: MAILPIT_MAX_BODY_BYTES,
    tooLarge: () =>
      new Response("request body too large", { status: 413, headers: { "content-type": "text/plain" } }),
    sim: {
      reset: async () => {
        await truncateSchema(deps.db, "mail");
        mailbox.forgetPending();
        smtpFaults.clear();
      },
      onClockMoved: () => mailbox.deliverDue(),
      extend: (sim) => mountSimRoutes(sim, { mailbox, smtpFaults }),
    },
    routes(app) {
      mountMailpitApi(app, {
        mailbox,
        smtpFaults,
        db: deps.db,
        databaseLocation: deps.database.location,
        chaosEnabled: deps.chaosEnabled ?? false,
        corsOrigins: corsOrigins(deps.apiCors ?? ""),
      });
      // The inbox page: the list (with Mailpit's search syntax) and one message; /view/{ID}.txt|html are the API's.
      app.get("/", inboxPage({ mailbox }));
      app.get("/view/:id", messagePage({ mailbox }));
    },
    docs: {
      title: "INPS PIN simulator: mail gateway (Mailpit API)",
      description:
        "Mail the simulator sends arrives over SMTP and is read here through Mailpit's API (v1): the same paths, field " +
        "names and plain-text answers as Mailpit's, so a suite written for Mailpit reads our mailbox unchanged. PEC " +
        "mailboxes get their provider's receipts. The control plane (/__sim/*) is described in docs/gateways-mail.md.",
      tags: [
        { name: "Messages", description: "List, read, mark and delete messages" },
        { name: "Search", description: "Mailpit's search syntax" },
        { name: "Tags", description: "Tags set by X-Tags, plus-addresses or the API" },
        { name: "Application", description: "Totals and settings" },
        { name: "Chaos", description: "Random SMTP errors (MAIL_CHAOS=on)" },
      ],
    },
  });
  return Object.assign(app, { mailbox, smtpFaults });
}

export type MailApp = ReturnType<typeof createMailApp>;
