// The body of every app's main.ts: read the database settings, start one service, stop cleanly on a signal.
import { openDatabase, type DatabaseHandle } from "@inps-sim/db";
import type { z } from "zod";
import { generateAdminToken, type RunningService } from "./running-service.ts";
import { ConfigError, parseEnv, processEnvSchema } from "./env.ts";
import { createLogger, type Logger } from "./logger.ts";

export async function runStandalone(
  service: string,
  start: (deps: {
    handle: DatabaseHandle;
    logger: Logger;
    simStart?: Date | undefined;
    adminToken: string;
  }) => Promise<RunningService>,
): Promise<void> {
  let common: z.infer<typeof processEnvSchema>;
  try {
    common = parseEnv(service, processEnvSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ service, level: common.LOG_LEVEL });
  const handle = await openDatabase({ url: common.DATABASE_URL, dataDir: `${common.DATA_DIR}/${service}` });
  const adminToken = process.env.SIM_ADMIN_TOKEN ?? generateAdminToken();
  let running: RunningService;
  try {
    running = await start({ handle, logger, simStart: common.SIM_START, adminToken });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  logger.info({ urls: running.urls, database: handle.location }, `${service} ready`);
  if (!process.env.SIM_ADMIN_TOKEN) logger.info(`control-plane token (SIM_ADMIN_TOKEN): ${adminToken}`);
  const stop = async () => {
    await running.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
