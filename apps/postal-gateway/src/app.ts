// createPostalApp: the postal gateway's HTTP surface, built from its dependencies.
import { truncateSchema } from "@inps-sim/db";
import { createGatewayApp, type GatewayDeps, type ServiceEnv } from "@inps-sim/service-kit";
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

export interface PostalAppDeps extends GatewayDeps {
  settings: PostalSettings;
}

export function createPostalApp(deps: PostalAppDeps) {
  return createGatewayApp(deps, {
    service: "postal-gateway",
    maxBodyBytes: POSTAL_MAX_BODY_BYTES,
    // Nothing to do on a clock move: a letter's status is read off its planned journey and the clock.
    sim: { reset: () => truncateSchema(deps.db, "postal") },
    routes(app) {
      app.route("/api/v1", letterRoutes(deps));
      const mailbox = async (c: Context<ServiceEnv>) => {
        const name = c.req.query("name");
        return c.html(await renderMailbox(deps.db, deps.clock, name && name.length <= 200 ? name : undefined));
      };
      app.get("/", mailbox);
      app.get("/mailbox", mailbox);
    },
  });
}
