import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireSession } from "../sessions/session-auth.ts";
import { getContacts, patchContacts, verifyContacts } from "./contacts.handlers.ts";
import { getContactsRoute, patchContactsRoute, verifyContactsRoute } from "./contacts.routes.ts";

export function contactsRouter(ctx: IdentityContext) {
  const router = createRouter();
  // No required action completes here: a session that must replace or renew its PIN does that first.
  router.use("/me/contacts", requireSession(ctx));
  router.use("/me/contacts/*", requireSession(ctx));
  return router
    .openapi(getContactsRoute, getContacts(ctx))
    .openapi(patchContactsRoute, patchContacts(ctx))
    .openapi(verifyContactsRoute, verifyContacts(ctx));
}
