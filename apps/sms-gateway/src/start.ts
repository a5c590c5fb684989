// startSmsService: the SMS gateway on startService, with a ticker for due delivery reports. Used by main.ts and the stack.
import type { DatabaseHandle } from "@inps-sim/db";
import {
  gatewayDeps,
  startService,
  type BuiltService,
  type Logger,
  type RunningService,
  type StackClock,
} from "@inps-sim/service-kit";
import { createSmsApp } from "./app.ts";
import type { SmsConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { createCallbackDispatcher } from "./messages/callbacks.ts";
import { smsMigrations } from "./migrations.ts";

export { smsMigrations };

interface SmsStartOptions {
  handle: DatabaseHandle;
  config: SmsConfig;
  logger: Logger;
  simStart?: Date | undefined;
  /** The clock of the process's other services (the embedded stack); unset: this service's own, stored. */
  clock?: StackClock | undefined;
}

export function startSmsService(options: SmsStartOptions): Promise<RunningService> {
  const { handle, config, logger } = options;
  return startService({
    name: "sms-gateway",
    handle,
    logger,
    migrations: smsMigrations,
    clockTable: simClock,
    simStart: options.simStart,
    clock: options.clock,
    port: config.SMS_PORT,
    host: config.HOST,
    build: (context) => buildSmsService(options, context),
  });
}

/** The app and its delivery-report ticker, as the service runs them (also what its OpenAPI document is read from). */
export function buildSmsService(
  { handle, config, logger }: SmsStartOptions,
  { clock, ports }: { clock: StackClock; ports: () => Record<string, number> },
): BuiltService {
  const callbacks = createCallbackDispatcher({
    db: handle.db,
    clock,
    logger,
    backoff: config.SMS_CALLBACK_BACKOFF,
    timeoutMs: config.SMS_CALLBACK_TIMEOUT_MS,
  });
  const app = createSmsApp({
    ...gatewayDeps({ handle, clock, logger, config, ports }),
    settings: config,
    callbacks,
  });
  let ticker: NodeJS.Timeout | undefined;
  return {
    app,
    // Simulated time also flows by itself: look for due delivery reports now and then.
    start: () => {
      ticker = setInterval(() => {
        callbacks.runDue().catch((error: unknown) => logger.warn({ err: error }, "delivery reports failed"));
      }, config.SMS_TICK_MS);
      ticker.unref();
    },
    stop: () => clearInterval(ticker),
  };
}
