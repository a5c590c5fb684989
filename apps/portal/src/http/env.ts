// What every page handler gets: the identity client, the visitor's session and its logger.
import type { IdentityClient } from "@inps-sim/clients";
import type { Logger } from "@inps-sim/service-kit";
import type { ConsoleBackend } from "../console/console-backend.ts";
import type { PortalSession, SessionStore } from "./session-store.ts";

export interface PortalDeps {
  identity: IdentityClient;
  sessions: SessionStore;
  secureCookies: boolean;
  console: ConsoleBackend;
}

export type PortalEnv = {
  Variables: {
    session: PortalSession;
    log: Logger;
    requestId: string;
  };
};
