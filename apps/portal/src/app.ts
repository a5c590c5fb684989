// createPortalApp: the citizen's pages, server-rendered in Italian, over the identity service's typed client.
// Safe by default: strict CSP, Origin check and a per-session token on every form, an HttpOnly SameSite=Lax
// session cookie that holds only an opaque id, no-store pages, and no PIN or code in a URL or a log line.
import type { IdentityClient } from "@inps-sim/clients";
import { loggablePath, type Logger } from "@inps-sim/service-kit";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { activationRoutes } from "./activation/activation.routes.tsx";
import { assetsRoutes } from "./assets/assets.routes.ts";
import { secureCookies, type PortalConfig } from "./config.ts";
import { homeRoutes } from "./home/home.routes.tsx";
import type { ConsoleBackend } from "./console/console-backend.ts";
import { consoleRoutes } from "./console/console.routes.tsx";
import { contactsRoutes } from "./contacts/contacts.routes.tsx";
import { dispositivoRoutes } from "./dispositivo/dispositivo.routes.tsx";
import { csrfTokenMiddleware } from "./http/csrf-token.ts";
import type { PortalDeps, PortalEnv } from "./http/env.ts";
import { outcomeRoutes } from "./http/outcome.routes.tsx";
import { sessionMiddleware } from "./http/session.ts";
import { createSessionStore, type SessionStore } from "./http/session-store.ts";
import { UPLOAD_FORM_MAX_BYTES } from "./http/uploads.ts";
import { renderRefusal, renderTooLarge } from "./layout/refusal.tsx";
import { notFoundPage } from "./layout/not-found.tsx";
import { unavailablePage } from "./layout/unavailable.tsx";
import { loginRoutes } from "./login/login.routes.tsx";
import { personalAreaRoutes } from "./personal-area/personal-area.routes.tsx";
import { pinChangeRoutes } from "./pin-change/pin-change.routes.tsx";
import { pinRequestRoutes } from "./pin-request/pin-request.routes.tsx";
import { recoveryRoutes } from "./recovery/recovery.routes.tsx";
import { revocationRoutes } from "./revocation/revocation.routes.tsx";

export interface PortalAppDeps {
  identity: IdentityClient;
  /** The simulator console's way to the control plane. */
  console: ConsoleBackend;
  config: Pick<PortalConfig, "PORTAL_PUBLIC_URL" | "PORTAL_SECURE_COOKIES" | "PORTAL_SESSION_MINUTES">;
  logger: Logger;
  /** Tests pass their own to look inside. */
  sessions?: SessionStore;
}

const UPLOAD_PATH = "/converti-pin/documenti";
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createPortalApp(options: PortalAppDeps): Hono<PortalEnv> {
  const { config, logger } = options;
  const deps: PortalDeps = {
    identity: options.identity,
    sessions: options.sessions ?? createSessionStore({ idleMinutes: config.PORTAL_SESSION_MINUTES }),
    secureCookies: secureCookies(config),
    console: options.console,
  };
  const publicOrigin = config.PORTAL_PUBLIC_URL ? new URL(config.PORTAL_PUBLIC_URL).origin : undefined;
  const app = new Hono<PortalEnv>();

  app.use("*", async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    const log = logger.child({ requestId });
    c.set("requestId", requestId);
    c.set("log", log);
    const started = performance.now();
    await next();
    c.res.headers.set("x-request-id", requestId);
    // The path only, with opaque segments (a recovery link's token) cut: a query or a body never reaches a log.
    log.info(
      {
        method: c.req.method,
        path: loggablePath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      // The recovery link's token is in a URL: no Referer carries it elsewhere.
      referrerPolicy: "no-referrer",
    }),
  );
  // Before the session: a supervisor's poll needs no cookie.
  app.get("/health", (c) => c.json({ status: "ok", service: "portal" }));
  // Forms are small; only the Converti PIN upload carries files, up to the identity service's own limit for two.
  const formLimit = bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text("Richiesta troppo grande", 413) });
  const uploadLimit = bodyLimit({
    maxSize: UPLOAD_FORM_MAX_BYTES,
    onError: (c) => c.html(renderTooLarge(), 413),
  });
  app.use("*", (c, next) => (c.req.path === UPLOAD_PATH ? uploadLimit(c, next) : formLimit(c, next)));
  app.use(
    "*",
    csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }),
  );
  app.use("*", sessionMiddleware(deps));
  app.use("*", csrfTokenMiddleware());

  app.route("/assets", assetsRoutes());
  app.route("/", homeRoutes());
  app.route("/", outcomeRoutes());
  app.route("/richiedi-pin", pinRequestRoutes(deps));
  app.route("/attiva-pin", activationRoutes(deps));
  app.route("/", loginRoutes(deps));
  app.route(
    "/primo-accesso",
    pinChangeRoutes(deps, {
      base: "/primo-accesso",
      title: "Primo accesso: scegli il tuo PIN",
      crumbs: [{ label: "Primo accesso" }],
      intro:
        "Al primo accesso il PIN iniziale di 16 caratteri va sostituito con un PIN di 8 caratteri, che userà da ora in poi.",
      currentLabel: "PIN iniziale (16 caratteri)",
      currentHint: "Prima la parte ricevuta per posta o SMS, poi l'altra, come all'accesso.",
      currentMax: 16,
      action: "replace-initial-pin",
    }),
  );
  app.route("/", personalAreaRoutes(deps));
  app.route(
    "/impostazioni/sicurezza/cambia-pin",
    pinChangeRoutes(
      deps,
      {
        base: "/impostazioni/sicurezza/cambia-pin",
        title: "Cambia PIN",
        crumbs: [
          { href: "/area-personale", label: "Area personale" },
          { href: "/impostazioni/sicurezza", label: "Impostazioni" },
          { href: "/impostazioni/sicurezza", label: "Sicurezza" },
          { label: "Cambia PIN" },
        ],
        intro:
          "Inserisca il PIN attuale, il nuovo PIN e di nuovo il nuovo PIN, poi Salva. La modifica si conferma con un codice.",
        currentLabel: "PIN attuale",
        currentMax: 16,
        action: null,
      },
      ["renew-expired-pin"],
    ),
  );
  app.route("/impostazioni/contatti", contactsRoutes(deps));
  app.route("/", recoveryRoutes(deps));
  app.route("/revoca-pin", revocationRoutes(deps));
  app.route("/converti-pin", dispositivoRoutes(deps));
  app.route("/__console", consoleRoutes(deps));

  app.notFound((c) => (c.get("session") ? notFoundPage(c) : c.text("Pagina non trovata", 404)));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403) return c.html(renderRefusal(), 403);
    if (error instanceof HTTPException) return error.getResponse();
    c.get("log").error({ err: error }, "page failed");
    return c.get("session")
      ? unavailablePage(c)
      : c.text("Il servizio non è disponibile in questo momento. Riprovi più tardi.", 503);
  });
  return app;
}
