// Mailpit's message routes (/api/v1/messages, /api/v1/message/{ID}…, /view/{ID}.txt|html).
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
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

export function messagesRoutes(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.get("/api/v1/messages", listMessages(ctx));
  app.put("/api/v1/messages", setReadStatus(ctx));
  app.delete("/api/v1/messages", deleteMessages(ctx));
  app.get("/api/v1/message/:id", getMessage(ctx));
  app.get("/api/v1/message/:id/headers", getHeaders(ctx));
  app.get("/api/v1/message/:id/raw", getRaw(ctx));
  app.get("/api/v1/message/:id/part/:partId", getPart(ctx));
  app.get("/view/:file", viewPart(ctx));
}
