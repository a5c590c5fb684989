// Mailpit's REST API (v1) over our store, resource by resource, behind Mailpit's body limit (the service app's, see app.ts); PEC receipts that
// fell due are delivered before any read.
import type { Hono } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { infoRoutes } from "../info/info.routes.ts";
import { sendMessage } from "../send/send.handlers.ts";
import { mailpitCors } from "./cors.ts";
import { messagesRoutes } from "../messages/messages.routes.ts";
import { searchRoutes } from "../search/search.routes.ts";
import { chaosRoutes } from "../smtp/chaos.routes.ts";
import { tagsRoutes } from "../tags/tags.routes.ts";

export function mountMailpitApi(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.use("*", mailpitCors(ctx.corsOrigins));
  for (const path of ["/api/v1/*", "/view/*"]) {
    app.use(path, async (_c, next) => {
      await ctx.mailbox.deliverDue();
      await next();
    });
  }
  messagesRoutes(app, ctx);
  searchRoutes(app, ctx);
  tagsRoutes(app, ctx);
  infoRoutes(app, ctx);
  chaosRoutes(app, ctx);
  app.post("/api/v1/send", sendMessage(ctx));
}
