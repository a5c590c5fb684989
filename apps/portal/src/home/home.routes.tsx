/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The home page: what a citizen can do with the PIN, and where each journey starts.
import { Hono } from "hono";
import type { PortalEnv } from "../http/env.ts";
import { page } from "../layout/page.tsx";

export function homeRoutes(): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.get("/", (c) =>
    page(
      c,
      { title: "Il PIN INPS" },
      <>
        <p class="lead">
          Con il codice fiscale e il PIN si accede ai servizi online dell'INPS: estratto conto contributivo,
          cedolino della pensione, stato delle domande.
        </p>
        <ul class="cards">
          <li>
            <h2>
              <a href="/richiedi-pin">Richiedi PIN</a>
            </h2>
            <p>Il PIN iniziale di 16 caratteri arriva in due parti da 8, per due canali diversi.</p>
          </li>
          <li>
            <h2>
              <a href="/attiva-pin">Gestisci il tuo PIN → Attiva PIN</a>
            </h2>
            <p>Con la prima parte e la tessera sanitaria si attiva il PIN e si riceve la seconda parte.</p>
          </li>
          <li>
            <h2>
              <a href="/accedi">Accedi a MyINPS</a>
            </h2>
            <p>Al primo accesso i 16 caratteri si sostituiscono con un PIN di 8, usato da allora in poi.</p>
          </li>
          <li>
            <h2>
              <a href="/pin-smarrito">Hai smarrito il PIN?</a>
            </h2>
            <p>Con il codice fiscale e i recapiti registrati si riceve un link e un codice di ripristino.</p>
          </li>
          <li>
            <h2>
              <a href="/revoca-pin">Gestisci il tuo PIN → Revoca PIN</a>
            </h2>
            <p>
              Con il codice fiscale, la tessera sanitaria e l'email o la PEC registrate il PIN si disattiva
              subito.
            </p>
          </li>
        </ul>
      </>,
    ),
  );
  return app;
}
