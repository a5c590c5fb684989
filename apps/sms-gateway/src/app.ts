// createSmsApp: the SMS gateway's HTTP surface, built from its dependencies.
import { truncateSchema } from "@inps-sim/db";
import { createGatewayApp, type GatewayDeps } from "@inps-sim/service-kit";
import type { SmsSettings } from "./config.ts";
import { showInbox } from "./inbox/inbox.handlers.ts";
import { createCallbackDispatcher, type CallbackDispatcher } from "./messages/callbacks.ts";
import { messagesRouter } from "./messages/messages.index.ts";

export const SMS_DEFAULT_SETTINGS: SmsSettings = {
  SMS_DELIVERY_LATENCY: "PT5S",
  SMS_DEFAULT_FROM: "INPS",
  SMS_CALLBACK_BACKOFF: ["PT30S", "PT2M", "PT10M", "PT1H", "PT6H"],
  SMS_CALLBACK_TIMEOUT_MS: 2000,
};

/** The largest request body the API reads; anything bigger is `413 too-large`. */
export const SMS_MAX_BODY_BYTES = 32 * 1024;

export interface SmsAppDeps extends GatewayDeps {
  settings: SmsSettings;
  /** Sends delivery reports; built from `settings` (and `fetch`) when not given. */
  callbacks?: CallbackDispatcher | undefined;
  /** Used for delivery reports when `callbacks` is not given. */
  fetch?: typeof fetch;
}

export function createSmsApp(deps: SmsAppDeps) {
  const callbacks =
    deps.callbacks ??
    createCallbackDispatcher({
      db: deps.db,
      clock: deps.clock,
      logger: deps.logger,
      backoff: deps.settings.SMS_CALLBACK_BACKOFF,
      timeoutMs: deps.settings.SMS_CALLBACK_TIMEOUT_MS,
      fetch: deps.fetch,
    });
  return createGatewayApp(deps, {
    service: "sms-gateway",
    maxBodyBytes: SMS_MAX_BODY_BYTES,
    sim: {
      reset: () => truncateSchema(deps.db, "sms"),
      // Statuses follow the clock by themselves; what a move can make due is delivery reports.
      onClockMoved: async () => {
        await callbacks.runDue();
      },
    },
    routes(app) {
      app.route("/api/v1", messagesRouter(deps));
      const inbox = showInbox(deps);
      app.get("/", inbox);
      app.get("/inbox", inbox);
    },
    docs: {
      title: "INPS PIN simulator: SMS gateway",
      description:
        "A mock SMS gateway: messages to Italian mobiles are delivered (or fail) in simulated time. Errors are " +
        "application/problem+json with a stable `code`. The control plane (/__sim/*) is described in docs/gateways-sms.md.",
      tags: [{ name: "Messages", description: "Send, list, read and clear SMS" }],
    },
  });
}
