/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Renders a page inside the layout for the current visitor. Every page is no-store: some carry a PIN once.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { PortalEnv } from "../http/env.ts";
import { Layout, type Crumb } from "./layout.tsx";

export function page(
  c: Context<PortalEnv>,
  meta: { title: string; crumbs?: Crumb[] },
  body: Child,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 503 = 200,
) {
  const session = c.get("session");
  c.header("cache-control", "no-store");
  return c.html(
    "<!doctype html>" +
      (
        <Layout
          title={meta.title}
          crumbs={meta.crumbs ?? []}
          csrfToken={session.csrfToken}
          signedIn={session.identityToken !== undefined}
        >
          {body}
        </Layout>
      ).toString(),
    status,
  );
}

/** The status a page answers with after a failed call: the API's own, when it is one a form can show. */
export function statusOf(apiStatus: number): 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 503 {
  const known = [400, 401, 403, 404, 409, 410, 413, 415, 422, 423] as const;
  return (known as readonly number[]).includes(apiStatus) ? (apiStatus as (typeof known)[number]) : 503;
}
