// startPostalService: the postal gateway on startService. Used by main.ts and the embedded stack.
import type { DatabaseHandle } from "@inps-sim/db";
import {
  gatewayDeps,
  startService,
  type BuiltService,
  type Logger,
  type RunningService,
  type StackClock,
} from "@inps-sim/service-kit";
import { createPostalApp } from "./app.ts";
import type { PostalConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { postalMigrations } from "./migrations.ts";

export { postalMigrations };

interface PostalStartOptions {
  handle: DatabaseHandle;
  config: PostalConfig;
  logger: Logger;
  simStart?: Date | undefined;
  /** The clock of the process's other services (the embedded stack); unset: this service's own, stored. */
  clock?: StackClock | undefined;
}

export function startPostalService(options: PostalStartOptions): Promise<RunningService> {
  const { handle, config, logger } = options;
  return startService({
    name: "postal-gateway",
    handle,
    logger,
    migrations: postalMigrations,
    clockTable: simClock,
    simStart: options.simStart,
    clock: options.clock,
    port: config.POSTAL_PORT,
    host: config.HOST,
    build: (context) => buildPostalService(options, context),
  });
}

/** The app as the service runs it (also what its OpenAPI document is read from). */
export function buildPostalService(
  { handle, config, logger }: PostalStartOptions,
  { clock, ports }: { clock: StackClock; ports: () => Record<string, number> },
): BuiltService {
  return {
    app: createPostalApp({ ...gatewayDeps({ handle, clock, logger, config, ports }), settings: config }),
  };
}
