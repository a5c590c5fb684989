// Runs the Mail service alone (as docker compose does): `npm start -w @inps-sim/mail-gateway`.
import { runStandalone } from "@inps-sim/service-kit";
import { readMailConfig } from "./config.ts";
import { startMailService } from "./start.ts";

await runStandalone("mail-gateway", ({ handle, logger, simStart, adminToken }) =>
  startMailService({
    handle,
    logger,
    simStart,
    config: { ...readMailConfig(), SIM_ADMIN_TOKEN: adminToken },
  }),
);
