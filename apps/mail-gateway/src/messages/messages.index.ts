// Mailpit's message routes, wired to their handlers.
import { createRouter, type ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { declare } from "../http/mailpit-openapi.ts";
import {
  deleteMessages,
  getHeaders,
  getMessage,
  getPart,
  getRaw,
  listMessages,
  setReadStatus,
  viewPart,
} from "./messages.handlers.ts";
import {
  deleteMessagesRoute,
  getHeadersRoute,
  getMessageRoute,
  getPartRoute,
  getRawRoute,
  listMessagesRoute,
  setReadStatusRoute,
  viewHtmlRoute,
  viewTextRoute,
} from "./messages.routes.ts";

export function messagesRouter(ctx: MailContext) {
  const router = createRouter<ServiceEnv>();
  declare(router, listMessagesRoute, listMessages(ctx));
  declare(router, setReadStatusRoute, setReadStatus(ctx));
  declare(router, deleteMessagesRoute, deleteMessages(ctx));
  declare(router, getMessageRoute, getMessage(ctx));
  declare(router, getHeadersRoute, getHeaders(ctx));
  declare(router, getRawRoute, getRaw(ctx));
  declare(router, getPartRoute, getPart(ctx));
  // /view/{ID} without an extension is the inbox page's: viewPart passes it on.
  declare(router, [viewTextRoute, viewHtmlRoute], viewPart(ctx), "/view/:file");
  return router;
}
