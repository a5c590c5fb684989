// startPostalService: the postal gateway on startService. Used by main.ts and the embedded stack.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@inps-sim/db";
import { gatewayDeps, startService, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createPostalApp } from "./app.ts";
import type { PostalConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";

export const postalMigrations = { schema: "postal", folder: fileURLToPath(new URL("../drizzle", import.meta.url)) };

export function startPostalService(options: {
  handle: DatabaseHandle;
  config: PostalConfig;
  logger: Logger;
  simStart?: Date | undefined;
}): Promise<RunningService> {
  const { handle, config, logger } = options;
  return startService({
    name: "postal-gateway",
    handle,
    logger,
    migrations: postalMigrations,
    clockTable: simClock,
    simStart: options.simStart,
    port: config.POSTAL_PORT,
    host: config.HOST,
    build: ({ clock, ports }) => ({
      app: createPostalApp({ ...gatewayDeps({ handle, clock, logger, config, ports }), settings: config }),
    }),
  });
}
