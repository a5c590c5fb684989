// Runs the portal alone (as docker compose does): `npm start -w @inps-sim/portal`. It needs no database.
import { ConfigError, createLogger } from "@inps-sim/service-kit";
import { readPortalConfig } from "./config.ts";
import { startPortal } from "./start.ts";

let config;
try {
  config = readPortalConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const logger = createLogger({ service: "portal", level: config.LOG_LEVEL });
const running = await startPortal({ config, logger });
logger.info({ urls: running.urls, identity: config.IDENTITY_URL }, "portal ready");
const stop = async () => {
  await running.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
