// createSmsApp: the SMS gateway's HTTP surface, built from its dependencies.
import { truncateSchema } from "@inps-sim/db";
import { createGatewayApp, type GatewayDeps, type ServiceEnv } from "@inps-sim/service-kit";
import type { Context } from "hono";
import type { SmsSettings } from "./config.ts";
import { createCallbackDispatcher, type CallbackDispatcher } from "./sms/callbacks.ts";
import { renderInbox } from "./sms/inbox-page.ts";
import { messageRoutes } from "./sms/routes.ts";

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
      app.route("/api/v1", messageRoutes(deps));
      const inbox = async (c: Context<ServiceEnv>) => {
        const to = c.req.query("to");
        const html = await renderInbox(deps.db, deps.clock, to && to.length <= 32 ? to.trim().replace(/^(\d)/, "+$1") : undefined);
        return c.html(html);
      };
      app.get("/", inbox);
      app.get("/inbox", inbox);
    },
  });
}
