/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The frame of every page, laid out like MyINPS: header with the citizen's area, breadcrumbs, content, footer.
import type { Child, FC } from "hono/jsx";
import { CSRF_FIELD } from "../http/csrf-token.ts";

export interface Crumb {
  href?: string;
  label: string;
}

export interface LayoutProps {
  title: string;
  crumbs?: Crumb[];
  /** The session's CSRF token: the header's "Esci" is a form too. */
  csrfToken: string;
  signedIn: boolean;
  children?: Child;
}

export const Layout: FC<LayoutProps> = ({ title, crumbs = [], csrfToken, signedIn, children }) => (
  <html lang="it">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} – MyINPS (simulatore)`}</title>
      <link rel="stylesheet" href="/assets/portal.css" />
    </head>
    <body>
      <a class="skip" href="#contenuto">
        Vai al contenuto
      </a>
      <header class="site-header">
        <div class="bar">
          <a class="brand" href="/">
            <span class="logo" aria-hidden="true">
              INPS
            </span>{" "}
            MyINPS <small>simulatore</small>
          </a>
          <nav aria-label="Area personale" class="account">
            {signedIn ? (
              <>
                <a href="/area-personale">Area personale</a>
                <a href="/impostazioni/sicurezza">Impostazioni</a>
                <form method="post" action="/esci" class="inline">
                  <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
                  <button type="submit" class="link">
                    Esci
                  </button>
                </form>
              </>
            ) : (
              <>
                <a href="/richiedi-pin">Richiedi PIN</a>
                <a class="button" href="/accedi">
                  Accedi a MyINPS
                </a>
              </>
            )}
          </nav>
        </div>
      </header>
      <nav aria-label="Percorso" class="crumbs">
        <ol>
          <li>{crumbs.length ? <a href="/">Home</a> : <span aria-current="page">Home</span>}</li>
          {crumbs.map((crumb, i) => (
            <li>
              {crumb.href && i < crumbs.length - 1 ? (
                <a href={crumb.href}>{crumb.label}</a>
              ) : (
                <span aria-current="page">{crumb.label}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <main id="contenuto" tabindex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          Simulatore del PIN INPS per i test: nessun dato reale. Contact center 803 164 (gratuito da rete
          fissa) o 06 164 164 da cellulare.
        </p>
      </footer>
    </body>
  </html>
);
