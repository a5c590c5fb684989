// Runs the Postal service alone (as docker compose does): `npm start -w @inps-sim/postal-gateway`.
import { runStandalone } from "@inps-sim/service-kit";
import { readPostalConfig } from "./config.ts";
import { startPostalService } from "./start.ts";

await runStandalone("postal-gateway", ({ handle, logger, simStart, adminToken }) =>
  startPostalService({
    handle,
    logger,
    simStart,
    config: { ...readPostalConfig(), SIM_ADMIN_TOKEN: adminToken },
  }),
);
