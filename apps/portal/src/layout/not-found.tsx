/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page for an address the portal does not have.
import type { Context } from "hono";
import type { PortalEnv } from "../http/env.ts";
import { page } from "./page.tsx";

export const notFoundPage = (c: Context<PortalEnv>) =>
  page(
    c,
    { title: "Pagina non trovata", crumbs: [{ label: "Pagina non trovata" }] },
    <p>
      La pagina cercata non esiste. <a href="/">Torna alla home</a>.
    </p>,
    404,
  );
