// Every resource module builds its routes on one of these: the service's env, and validation failures as problems.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createRouter as createServiceRouter, type ServiceVariables } from "@inps-sim/service-kit";
import type { CitizenSession, SessionInfo } from "../sessions/session-auth.ts";

export type IdentityEnv = {
  Variables: ServiceVariables & { session: SessionInfo; citizenSession: CitizenSession; operatorId: string };
};

export const createRouter = (): OpenAPIHono<IdentityEnv> => createServiceRouter<IdentityEnv>();
