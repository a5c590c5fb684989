// Every resource module builds its routes on one of these: the service's env, and validation failures as problems.
import { OpenAPIHono } from "@hono/zod-openapi";
import { fieldErrors, validationFailed, type ServiceVariables } from "@inps-sim/service-kit";
import type { SessionInfo } from "../sessions/session-auth.ts";

export type IdentityEnv = { Variables: ServiceVariables & { session: SessionInfo; operatorId: string } };

export function createRouter(): OpenAPIHono<IdentityEnv> {
  return new OpenAPIHono<IdentityEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(fieldErrors(result.error));
    },
  });
}
