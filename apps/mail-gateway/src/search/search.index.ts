// Mailpit's search routes, wired to their handlers.
import { createRouter, type ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { declare } from "../http/mailpit-openapi.ts";
import { deleteSearch, search } from "./search.handlers.ts";
import { deleteSearchRoute, searchRoute } from "./search.routes.ts";

export function searchRouter(ctx: MailContext) {
  const router = createRouter<ServiceEnv>();
  declare(router, searchRoute, search(ctx));
  declare(router, deleteSearchRoute, deleteSearch(ctx));
  return router;
}
