// Mailpit's REST API (v1) over our store, resource by resource, behind Mailpit's own body limit; PEC receipts that
// fell due are delivered before any read.
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { infoRoutes } from "../info/info.routes.ts";
import { messagesRoutes } from "../messages/messages.routes.ts";
import { searchRoutes } from "../search/search.routes.ts";
import { chaosRoutes } from "../smtp/chaos.routes.ts";
import { tagsRoutes } from "../tags/tags.routes.ts";

export function mountMailpitApi(app: Hono<ServiceEnv>, ctx: MailContext): void {
  app.use(
    "/api/v1/*",
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () =>
        new Response("request body too large", { status: 413, headers: { "content-type": "text/plain" } }),
    }),
  );
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
}
