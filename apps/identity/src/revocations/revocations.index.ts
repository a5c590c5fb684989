import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { revokePin } from "./revocations.handlers.ts";
import { revocationRoute } from "./revocations.routes.ts";

export const revocationsRouter = (ctx: IdentityContext) =>
  createRouter().openapi(revocationRoute, revokePin(ctx));
