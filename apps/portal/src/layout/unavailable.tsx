/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page when something behind the portal failed (the identity service unreachable): nothing of the form is shown again.
import type { Context } from "hono";
import type { PortalEnv } from "../http/env.ts";
import { page } from "./page.tsx";

export const unavailablePage = (c: Context<PortalEnv>) =>
  page(
    c,
    { title: "Servizio non disponibile", crumbs: [{ label: "Servizio non disponibile" }] },
    <p>
      Il servizio non è disponibile in questo momento. Riprovi tra qualche minuto.{" "}
      <a href="/">Torna alla home</a>.
    </p>,
    503,
  );
