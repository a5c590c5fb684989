import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { activate } from "./activation.handlers.ts";
import { activationRoute } from "./activation.routes.ts";

export const activationRouter = (ctx: IdentityContext) =>
  createRouter().openapi(activationRoute, activate(ctx));
