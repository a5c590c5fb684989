// startSmsGateway: migrate, load the clock, build the app, listen. Used by main.ts and the embedded stack.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@inps-sim/db";
import { gatewayDeps, listen, prepareService, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createSmsApp } from "./app.ts";
import type { SmsConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { createCallbackDispatcher } from "./sms/callbacks.ts";

export const smsMigrations = { schema: "sms", folder: fileURLToPath(new URL("../drizzle", import.meta.url)) };

export async function startSmsGateway(options: {
  handle: DatabaseHandle;
  config: SmsConfig;
  logger: Logger;
  simStart?: Date | undefined;
}): Promise<RunningService> {
  const { handle, config, logger } = options;
  const clock = await prepareService({ handle, migrations: smsMigrations, clockTable: simClock, start: options.simStart, logger });
  let port = config.SMS_PORT;
  const callbacks = createCallbackDispatcher({
    db: handle.db,
    clock,
    logger,
    backoff: config.SMS_CALLBACK_BACKOFF,
    timeoutMs: config.SMS_CALLBACK_TIMEOUT_MS,
  });
  const app = createSmsApp({ ...gatewayDeps({ handle, clock, logger, config, ports: () => ({ http: port }) }), settings: config, callbacks });
  const server = await listen(app, { port: config.SMS_PORT, hostname: config.HOST });
  port = server.port;
  // Simulated time also flows by itself: look for due delivery reports now and then.
  const ticker = setInterval(() => {
    callbacks.runDue().catch((error: unknown) => logger.warn({ err: error }, "delivery reports failed"));
  }, config.SMS_TICK_MS);
  ticker.unref();
  return {
    name: "sms-gateway",
    urls: { http: server.url },
    ports: { http: server.port },
    close: async () => {
      clearInterval(ticker);
      await server.close();
    },
  };
}
