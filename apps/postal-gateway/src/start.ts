// startPostalService: migrate, load the clock, build the app, listen. Used by main.ts and the embedded stack.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@inps-sim/db";
import { gatewayDeps, listen, prepareService, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createPostalApp } from "./app.ts";
import type { PostalConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";

export const postalMigrations = { schema: "postal", folder: fileURLToPath(new URL("../drizzle", import.meta.url)) };

export async function startPostalService(options: {
  handle: DatabaseHandle;
  config: PostalConfig;
  logger: Logger;
  simStart?: Date | undefined;
}): Promise<RunningService> {
  const { handle, config, logger } = options;
  const clock = await prepareService({ handle, migrations: postalMigrations, clockTable: simClock, start: options.simStart, logger });
  let port = config.POSTAL_PORT;
  const app = createPostalApp({ ...gatewayDeps({ handle, clock, logger, config, ports: () => ({ http: port }) }), settings: config });
  const server = await listen(app, { port: config.POSTAL_PORT, hostname: config.HOST });
  port = server.port;
  return { name: "postal-gateway", urls: { http: server.url }, ports: { http: server.port }, close: server.close };
}
