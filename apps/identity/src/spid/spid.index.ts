import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import {
  idpFormHandler,
  idpPageHandler,
  issueAssertionHandler,
  jwksHandler,
  requireAdmin,
  spidLoginHandler,
} from "./spid.handlers.ts";
import { idpFormRoute, idpPageRoute, issueAssertionRoute, jwksRoute, spidLoginRoute } from "./spid.routes.ts";

/** The service provider's side, under /api/v1. */
export function spidSessionsRouter(ctx: IdentityContext) {
  return createRouter().openapi(spidLoginRoute, spidLoginHandler(ctx));
}

/** The test identity provider, at the root: it asks for the control plane's token (none: it issues nothing). */
export function spidIdpRouter(ctx: IdentityContext, adminToken: string | undefined) {
  const router = createRouter();
  router.use("/spid/assertions", requireAdmin(adminToken));
  return router
    .openapi(issueAssertionRoute, issueAssertionHandler(ctx))
    .openapi(jwksRoute, jwksHandler(ctx))
    .openapi(idpPageRoute, idpPageHandler())
    .openapi(idpFormRoute, idpFormHandler(ctx, adminToken));
}
