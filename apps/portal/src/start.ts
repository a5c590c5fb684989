// startPortal: build the portal over the identity client and listen. Used by main.ts and the embedded stack.
import { createIdentityClient } from "@inps-sim/clients";
import { listen, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createPortalApp } from "./app.ts";
import { createConsoleBackend } from "./console/console-backend.ts";
import type { PortalConfig } from "./config.ts";

export async function startPortal(options: {
  config: PortalConfig;
  logger: Logger;
}): Promise<RunningService> {
  const { config, logger } = options;
  const identity = createIdentityClient({ baseUrl: config.IDENTITY_URL });
  const app = createPortalApp({
    identity,
    console: createConsoleBackend(config.IDENTITY_URL),
    config,
    logger,
  });
  const server = await listen(app, { port: config.PORTAL_PORT, hostname: config.HOST });
  return {
    name: "portal",
    urls: { http: server.url },
    ports: { http: server.port },
    close: () => server.close(),
  };
}
