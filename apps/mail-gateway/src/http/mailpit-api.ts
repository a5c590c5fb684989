// Mailpit's REST API (v1) over our store, resource by resource, behind Mailpit's body limit (the service app's, see app.ts); PEC receipts that
// fell due are delivered before any read.
import type { ServiceApp } from "@inps-sim/service-kit";
import { chaosRouter } from "../chaos/chaos.index.ts";
import type { MailContext } from "../context.ts";
import { infoRouter } from "../info/info.index.ts";
import { sendRouter } from "../send/send.index.ts";
import { mailpitCors } from "./cors.ts";
import { messagesRouter } from "../messages/messages.index.ts";
import { searchRouter } from "../search/search.index.ts";
import { tagsRouter } from "../tags/tags.index.ts";

export function mountMailpitApi(app: ServiceApp, ctx: MailContext): void {
  app.use("*", mailpitCors(ctx.corsOrigins));
  for (const path of ["/api/v1/*", "/view/*"]) {
    app.use(path, async (_c, next) => {
      await ctx.mailbox.deliverDue();
      await next();
    });
  }
  for (const router of [messagesRouter, searchRouter, tagsRouter, infoRouter, chaosRouter, sendRouter])
    app.route("/", router(ctx));
}
