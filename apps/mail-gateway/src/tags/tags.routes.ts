// Mailpit's /api/v1/tags.
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { deleteTag, listTags, renameTag, setTags } from "./tags.handlers.ts";

export function tagsRoutes(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.get("/api/v1/tags", listTags(ctx));
  app.put("/api/v1/tags", setTags(ctx));
  app.put("/api/v1/tags/:tag", renameTag(ctx));
  app.delete("/api/v1/tags/:tag", deleteTag(ctx));
}
