// startMailService: migrate, load the clock, build the app, listen. Used by main.ts and the embedded stack.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@inps-sim/db";
import { FaultInjector, listen, prepareService, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createMailApp } from "./app.ts";
import type { MailConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";

export const mailMigrations = { schema: "mail", folder: fileURLToPath(new URL("../drizzle", import.meta.url)) };

export async function startMailService(options: {
  handle: DatabaseHandle;
  config: MailConfig;
  logger: Logger;
  simStart?: Date | undefined;
}): Promise<RunningService> {
  const { handle, config, logger } = options;
  const clock = await prepareService({ handle, migrations: mailMigrations, clockTable: simClock, start: options.simStart });
  let port = config.MAIL_HTTP_PORT;
  const app = createMailApp({
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock,
    logger,
    faults: new FaultInjector(config.SIM_SEED),
    adminToken: config.SIM_CONTROL ? config.SIM_ADMIN_TOKEN : undefined,
    ports: () => ({ http: port }),
  });
  const server = await listen(app, { port: config.MAIL_HTTP_PORT, hostname: config.HOST });
  port = server.port;
  return { name: "mail-gateway", urls: { http: server.url }, ports: { http: server.port }, close: server.close };
}
