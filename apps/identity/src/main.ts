// Runs the Identity service alone (as docker compose does): `npm start -w @inps-sim/identity`.
import { runStandalone } from "@inps-sim/service-kit";
import { readIdentityConfig } from "./config.ts";
import { startIdentityService } from "./start.ts";

await runStandalone("identity", ({ handle, logger, simStart, adminToken }) =>
  startIdentityService({
    handle,
    logger,
    simStart,
    config: { ...readIdentityConfig(), SIM_ADMIN_TOKEN: adminToken },
  }),
);
