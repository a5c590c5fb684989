/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The answer to a form that did not come from this portal (wrong Origin or CSRF token).
export function renderRefusal() {
  return (
    <html lang="it">
      <head>
        <meta charset="utf-8" />
        <title>Richiesta non valida – MyINPS (simulatore)</title>
        <link rel="stylesheet" href="/assets/portal.css" />
      </head>
      <body>
        <main id="contenuto">
          <h1>Richiesta non valida</h1>
          <p>
            Il modulo è scaduto o non proviene da questo sito. Torni alla pagina, la ricarichi e lo invii di
            nuovo.
          </p>
          <p>
            <a href="/">Torna alla home</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** The answer to an upload bigger than the portal lets through (before any session is read). */
export function renderTooLarge() {
  return (
    <html lang="it">
      <head>
        <meta charset="utf-8" />
        <title>File troppo grandi – MyINPS (simulatore)</title>
        <link rel="stylesheet" href="/assets/portal.css" />
      </head>
      <body>
        <main id="contenuto">
          <h1>File troppo grandi</h1>
          <p>Ogni file può essere al massimo di 5 MB. Torni alla richiesta e scelga file più piccoli.</p>
          <p>
            <a href="/converti-pin/richiesta">Torna alla richiesta</a>
          </p>
        </main>
      </body>
    </html>
  );
}
