import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { createPinRequest } from "./pin-requests.handlers.ts";
import { createPinRequestRoute } from "./pin-requests.routes.ts";

export const pinRequestsRouter = (ctx: IdentityContext) =>
  createRouter().openapi(createPinRequestRoute, createPinRequest(ctx));
