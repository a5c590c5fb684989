// The mailbox page's handler (at / and /mailbox).
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { Handler } from "hono";
import type { PostalAppDeps } from "../app.ts";
import { renderMailbox } from "./mailbox-page.ts";

export const showMailbox =
  (deps: PostalAppDeps): Handler<ServiceEnv> =>
  async (c) => {
    const name = c.req.query("name");
    return c.html(await renderMailbox(deps.db, deps.clock, name && name.length <= 200 ? name : undefined));
  };
