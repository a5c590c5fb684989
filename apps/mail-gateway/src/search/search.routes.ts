// Mailpit's /api/v1/search.
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { deleteSearch, search } from "./search.handlers.ts";

export function searchRoutes(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.get("/api/v1/search", search(ctx));
  app.delete("/api/v1/search", deleteSearch(ctx));
}
