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

/** A server a service runs beside its HTTP one (the mail gateway's SMTP). */
export interface SideServer {
  port: number;
  /** e.g. `smtp://127.0.0.1:1025` */
  url: string;
  close(): Promise<void>;
}

/** What a service builds once its database is migrated and its clock loaded. */
export interface BuiltService {
  app: Fetchable;
  /** Servers beside HTTP, by name (`smtp`): started before HTTP listens, closed with it; their ports join /health's. */
  sideServers?: Record<string, () => Promise<SideServer>>;
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
  const ports: Record<string, number> = { http: options.port };
  const built = await options.build({ clock, ports: () => ({ ...ports }) });
  const urls: Record<string, string> = {};
  const side: SideServer[] = [];
  let server;
  try {
    for (const [name, open] of Object.entries(built.sideServers ?? {})) {
      const opened = await open();
      side.push(opened);
      ports[name] = opened.port;
      urls[name] = opened.url;
    }
    server = await listen(built.app, { port: options.port, hostname: options.host });
  } catch (error) {
    await Promise.all(side.map((s) => s.close()));
    await built.stop?.();
    throw error;
  }
  ports.http = server.port;
  built.start?.();
  const http = server;
  return {
    name: options.name,
    urls: { http: server.url, ...urls },
    ports: { ...ports },
    close: async () => {
      await Promise.all([http.close(), ...side.map((s) => s.close())]);
      await built.stop?.();
    },
  };
}
