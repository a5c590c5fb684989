/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The outcome page a form redirects to (POST, then 303, then GET): it shows the session's one-time message once.
import { Hono } from "hono";
import type { PortalEnv } from "./env.ts";
import { page } from "../layout/page.tsx";

export function outcomeRoutes(): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.get("/esito", (c) => {
    const session = c.get("session");
    const outcome = session.outcome;
    if (!outcome) return c.redirect("/", 303);
    delete session.outcome;
    return page(
      c,
      { title: outcome.title, crumbs: [{ label: outcome.title }] },
      <>
        <div class="notice" role="status">
          {outcome.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
        </div>
        {outcome.next ? (
          <p>
            <a class="button" href={outcome.next.href}>
              {outcome.next.label}
            </a>
          </p>
        ) : null}
      </>,
    );
  });
  return app;
}
