// What every page handler gets: the identity client, the visitor's session and its logger.
import type { IdentityClient } from "@inps-sim/clients";
import type { Logger } from "@inps-sim/service-kit";
import type { PortalSession, SessionStore } from "./session-store.ts";

export interface PortalDeps {
  identity: IdentityClient;
  sessions: SessionStore;
  secureCookies: boolean;
}

export type PortalEnv = {
  Variables: {
    session: PortalSession;
    log: Logger;
    requestId: string;
  };
};
