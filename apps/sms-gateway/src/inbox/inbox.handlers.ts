// The inbox page's handler (at / and /inbox): a number given without its "+" (a "+" not percent-encoded) still finds it.
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { Handler } from "hono";
import type { SmsAppDeps } from "../app.ts";
import { renderInbox } from "./inbox-page.ts";

export const showInbox =
  (deps: SmsAppDeps): Handler<ServiceEnv> =>
  async (c) => {
    const to = c.req.query("to");
    return c.html(
      await renderInbox(
        deps.db,
        deps.clock,
        to && to.length <= 32 ? to.trim().replace(/^(\d)/, "+$1") : undefined,
      ),
    );
  };
