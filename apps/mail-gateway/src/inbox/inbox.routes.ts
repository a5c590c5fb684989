// The inbox page: GET / (the list, with Mailpit's search syntax) and GET /view/{ID} (one message).
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { Mailbox } from "../mailbox.ts";
import { inboxPage, messagePage } from "./inbox.handlers.ts";

export function inboxRoutes(app: Hono<ServiceEnv>, deps: { mailbox: Mailbox }): void {
  app.get("/", inboxPage(deps));
  app.get("/view/:id", messagePage(deps));
}
