// createPostalApp: the postal gateway's HTTP surface, built from its dependencies.
import { truncateSchema } from "@inps-sim/db";
import { createGatewayApp, type GatewayDeps } from "@inps-sim/service-kit";
import type { PostalSettings } from "./config.ts";
import { parseUnknownAddresses } from "./letters/address.ts";
import { peekLetterHandler } from "./letters/letters.handlers.ts";
import { lettersRouter } from "./letters/letters.index.ts";
import { showMailbox } from "./mailbox/mailbox.handlers.ts";

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
    sim: {
      reset: () => truncateSchema(deps.db, "postal"),
      extend: (sim) => {
        sim.get("/letters/:id", peekLetterHandler(deps));
      },
    },
    routes(app) {
      app.route("/api/v1", lettersRouter(deps));
      const mailbox = showMailbox(deps);
      app.get("/", mailbox);
      app.get("/mailbox", mailbox);
    },
    docs: {
      title: "INPS PIN simulator: postal gateway",
      description:
        "A mock postal service: letters (posta ordinaria, raccomandata) delivered in Italian working days of simulated " +
        "time, tracked, printed as PDF. Errors are application/problem+json with a stable `code`. The control plane " +
        "(/__sim/*) is described in docs/gateways-postal.md.",
      tags: [{ name: "Letters", description: "Post, track, read (JSON, PDF) and clear letters" }],
    },
  });
}
