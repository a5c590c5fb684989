// Mailpit's tag routes, wired to their handlers.
import { createRouter, type ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { declare } from "../http/mailpit-openapi.ts";
import { deleteTag, listTags, renameTag, setTags } from "./tags.handlers.ts";
import { deleteTagRoute, listTagsRoute, renameTagRoute, setTagsRoute } from "./tags.routes.ts";

export function tagsRouter(ctx: MailContext) {
  const router = createRouter<ServiceEnv>();
  declare(router, listTagsRoute, listTags(ctx));
  declare(router, setTagsRoute, setTags(ctx));
  declare(router, renameTagRoute, renameTag(ctx));
  declare(router, deleteTagRoute, deleteTag(ctx));
  return router;
}
