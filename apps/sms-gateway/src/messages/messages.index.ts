import { createRouter, type FaultEnv } from "@inps-sim/service-kit";
import type { SmsAppDeps } from "../app.ts";
import {
  clearMessagesHandler,
  getMessageHandler,
  listMessagesHandler,
  sendMessage,
} from "./messages.handlers.ts";
import {
  clearMessagesRoute,
  getMessageRoute,
  listMessagesRoute,
  sendMessageRoute,
} from "./messages.routes.ts";

export const messagesRouter = (deps: SmsAppDeps) =>
  createRouter<FaultEnv>()
    .openapi(sendMessageRoute, sendMessage(deps))
    .openapi(listMessagesRoute, listMessagesHandler(deps))
    .openapi(getMessageRoute, getMessageHandler(deps))
    .openapi(clearMessagesRoute, clearMessagesHandler(deps));
