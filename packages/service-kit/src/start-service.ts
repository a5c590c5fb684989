// startService: the one start-up of every service. Migrate its schema, load its simulated clock, build its app,
// listen, then start its background work; closing undoes it in reverse.
import {
  migrateService,
  type DatabaseHandle,
  type ServiceMigrations,
  type simClockTable,
} from "@inps-sim/db";
import type { Logger } from "./logger.ts";
import type { StackClock } from "./persistent-clock.ts";
import { prepareService, type RunningService } from "./running-service.ts";
import { listen, type Fetchable } from "./serve.ts";

/** What a service builds once its database is migrated and its clock loaded. */
export interface BuiltService {
  app: Fetchable;
  /** Background work started once the app listens (a ticker, a dispatcher). */
  start?: () => void;
  /** Stops the background work; runs after the server has closed. */
  stop?: () => Promise<void> | void;
}

export interface StartServiceOptions {
  name: string;
  handle: DatabaseHandle;
  logger: Logger;
  migrations: ServiceMigrations;
  clockTable: ReturnType<typeof simClockTable>;
  /** Where simulated time starts when nothing is stored yet (SIM_START). */
  simStart?: Date | undefined;
  /** A clock shared with the services of the same process (the embedded stack); unset: the service's own. */
  clock?: StackClock | undefined;
  port: number;
  host: string;
  /** `ports()` reports the port actually taken (a port of 0 takes a free one), for /health. */
  build(context: {
    clock: StackClock;
    ports: () => Record<string, number>;
  }): BuiltService | Promise<BuiltService>;
}

export async function startService(options: StartServiceOptions): Promise<RunningService> {
  let clock = options.clock;
  if (clock) await migrateService(options.handle, options.migrations);
  else {
    clock = await prepareService({
      handle: options.handle,
      migrations: options.migrations,
      clockTable: options.clockTable,
      start: options.simStart,
      logger: options.logger,
    });
  }
  let port = options.port;
  const built = await options.build({ clock, ports: () => ({ http: port }) });
  const server = await listen(built.app, { port: options.port, hostname: options.host });
  port = server.port;
  built.start?.();
  return {
    name: options.name,
    urls: { http: server.url },
    ports: { http: server.port },
    close: async () => {
      await server.close();
      await built.stop?.();
    },
  };
}
