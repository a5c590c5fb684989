// What starting a service gives back: where it listens, and how to stop it.
import { randomBytes } from "node:crypto";
import {
  migrateService,
  type DatabaseHandle,
  type ServiceMigrations,
  type simClockTable,
} from "@inps-sim/db";
import type { Logger } from "./logger.ts";
import { loadPersistentClock, type StackClock } from "./persistent-clock.ts";

export interface RunningService {
  name: string;
  /** Named endpoints, e.g. `{ http: "http://127.0.0.1:4010" }` or `{ http, smtp }`. */
  urls: Record<string, string>;
  ports: Record<string, number>;
  close(): Promise<void>;
}

/** Migrates the service's schema and loads its simulated clock: the first two steps of every start. */
export async function prepareService(options: {
  handle: DatabaseHandle;
  migrations: ServiceMigrations;
  clockTable: ReturnType<typeof simClockTable>;
  start?: Date | undefined;
  /** Where a clamped clock is reported (see loadPersistentClock). */
  logger?: Logger | undefined;
}): Promise<StackClock> {
  await migrateService(options.handle, options.migrations);
  return loadPersistentClock({
    db: options.handle.db,
    table: options.clockTable,
    start: options.start,
    onClamped: (stored, clampedTo) =>
      options.logger?.warn(
        { reason: "clock-out-of-range", stored, clampedTo: clampedTo.toISOString() },
        `the stored simulated clock (${stored}) is outside the range the simulator supports; it was clamped to ${clampedTo.toISOString()}`,
      ),
  });
}

export function generateAdminToken(): string {
  return `sim_${randomBytes(18).toString("base64url")}`;
}
