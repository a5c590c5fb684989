import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { citizenEvents } from "./events.handlers.ts";
import { citizenEventsRoute } from "./events.routes.ts";
import { createPinRequestByPhone } from "../pin-requests/pin-requests.handlers.ts";
import { operatorPinRequestRoute } from "./operator-pin-requests.routes.ts";
import { requireOperator } from "./operator-auth.ts";
import { addContactsByPhone } from "../contacts/contacts.handlers.ts";
import { operatorContactsRoute } from "../contacts/contacts.routes.ts";
import { revokePinByPhone } from "../revocations/revocations.handlers.ts";
import { operatorRevocationRoute } from "../revocations/revocations.routes.ts";

export function operatorRouter(ctx: IdentityContext) {
  const router = createRouter();
  router.use("/operator/*", requireOperator(ctx));
  return router
    .openapi(citizenEventsRoute, citizenEvents(ctx))
    .openapi(operatorPinRequestRoute, createPinRequestByPhone(ctx))
    .openapi(operatorContactsRoute, addContactsByPhone(ctx))
    .openapi(operatorRevocationRoute, revokePinByPhone(ctx));
}
