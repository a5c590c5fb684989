// Runs the SMS gateway alone (as docker compose does): `npm start -w @inps-sim/sms-gateway`.
import { runStandalone } from "@inps-sim/service-kit";
import { readSmsConfig } from "./config.ts";
import { startSmsService } from "./start.ts";

await runStandalone("sms-gateway", ({ handle, logger, simStart, adminToken }) =>
  startSmsService({ handle, logger, simStart, config: { ...readSmsConfig(), SIM_ADMIN_TOKEN: adminToken } }),
);
