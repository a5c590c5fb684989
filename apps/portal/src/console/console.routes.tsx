/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The simulator console (/__console), for whoever holds the control-plane token: a form asks for the token once and
// the portal keeps it in the session, on the server (never in a cookie, a URL, a page or a log line). Then the
// simulated clock, the gateways' faults, citizens with their timeline and inboxes, and the outbox.
import { Hono, type Context } from "hono";
import { CSRF_FIELD } from "../http/csrf-token.ts";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, FORM, type FieldErrors } from "../http/field-errors.ts";
import { readForm } from "../http/form.ts";
import { ErrorSummary, Field, Form } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";
import { consoleCitizensRoutes } from "./console-citizens.tsx";
import { consoleFaultsRoutes } from "./console-faults.tsx";
import { consoleOutboxRoutes } from "./console-outbox.tsx";
import { CONSOLE, consolePage, controlFailed, dateTime } from "./console-page.tsx";

/** The presets a tester reaches for: a lockout's wait, a day, a week, the initial PIN's 90 days, a PIN's 6 months. */
const PRESETS = [
  { duration: "PT3M", label: "+3 minuti" },
  { duration: "P1D", label: "+1 giorno" },
  { duration: "P7D", label: "+1 settimana" },
  { duration: "P1M", label: "+1 mese" },
  { duration: "P91D", label: "+91 giorni" },
  { duration: "P6M", label: "+6 mesi" },
];
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export function consoleRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();

  const renderAccess = (c: Context<PortalEnv>, errors: FieldErrors, status?: Parameters<typeof page>[3]) => {
    const session = c.get("session");
    const notice = session.consoleNotice;
    delete session.consoleNotice;
    return page(
      c,
      { title: "Console del simulatore", crumbs: [{ label: "Console del simulatore" }] },
      <>
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <p>
          La console governa il simulatore: l'orologio simulato, i guasti dei gateway, i cittadini di prova e
          i messaggi in uscita. Serve il token del pannello di controllo (SIM_ADMIN_TOKEN), che{" "}
          <code>npm start</code> stampa all'avvio.
        </p>
        <ErrorSummary errors={errors} labels={{ adminToken: "Token del pannello di controllo" }} />
        <Form action={`${CONSOLE}/accesso`} csrfToken={session.csrfToken} submit="Entra nella console">
          <Field
            name="adminToken"
            label="Token del pannello di controllo"
            hint="Resta sul server, nella sessione del portale, fino all'uscita dalla console."
            type="password"
            errors={errors}
            maxlength={256}
            autocomplete="off"
          />
        </Form>
      </>,
      status,
    );
  };

  app.get("/accesso", (c) => (c.get("session").adminToken ? c.redirect(CONSOLE, 303) : renderAccess(c, {})));
  app.post("/accesso", async (c) => {
    const v = await readForm(c, ["adminToken"]);
    const token = v.adminToken ?? "";
    if (!token) return renderAccess(c, { adminToken: ["Inserisca il token."] }, 400);
    // The token is tried on the clock, the one call every control plane answers.
    const tried = await deps.console
      .control(deps.console.identityUrl, token)
      .clock({ requestId: c.get("requestId") });
    if (!tried.ok) {
      const message =
        tried.status === 401 || tried.status === 403
          ? "Il token non è quello del pannello di controllo."
          : tried.status === 404
            ? "Il pannello di controllo è spento (SIM_CONTROL=off)."
            : `Il servizio di identità ha risposto ${tried.status}.`;
      return renderAccess(c, { adminToken: [message] }, tried.status === 404 ? 503 : statusOf(tried.status));
    }
    c.get("session").adminToken = token;
    return c.redirect(CONSOLE, 303);
  });

  app.use("*", async (c, next) => {
    if (!c.get("session").adminToken) return c.redirect(`${CONSOLE}/accesso`, 303);
    return next();
  });

  app.post("/esci", (c) => {
    const session = c.get("session");
    delete session.adminToken;
    delete session.consoleCitizens;
    session.outcome = {
      title: "Uscita dalla console",
      paragraphs: ["Il token non è più nella sessione."],
      next: { href: `${CONSOLE}/accesso`, label: "Rientra nella console" },
    };
    return c.redirect("/esito", 303);
  });

  const control = (c: Context<PortalEnv>) =>
    deps.console.control(deps.console.identityUrl, c.get("session").adminToken ?? "");

  const renderClock = async (
    c: Context<PortalEnv>,
    errors: FieldErrors,
    value: string,
    status?: Parameters<typeof page>[3],
  ) => {
    const clock = await control(c).clock({ requestId: c.get("requestId") });
    if (!clock.ok) return controlFailed(c, clock, "Orologio simulato");
    const csrfToken = c.get("session").csrfToken;
    return consolePage(
      c,
      "Orologio simulato",
      <>
        <p class="lead">
          Ora simulata: <strong>{dateTime(clock.body.now)}</strong> <span class="hint">{clock.body.now}</span>
        </p>
        <p>
          L'orologio va solo avanti e sposta tutto lo stack: scadenze, blocchi, consegne delle lettere e
          tentativi dei messaggi.
        </p>
        <h2>Avanza di</h2>
        <ul class="presets">
          {PRESETS.map((p) => (
            <li>
              <form method="post" action={`${CONSOLE}/orologio`} class="inline">
                <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
                <input type="hidden" name="advanceBy" value={p.duration} />
                <button type="submit" class="button secondary">
                  {p.label}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <h2>Avanza di una durata</h2>
        <ErrorSummary errors={errors} labels={{ advanceBy: "Durata ISO 8601" }} />
        <Form action={`${CONSOLE}/orologio`} csrfToken={csrfToken} submit="Avanza l'orologio">
          <Field
            name="advanceBy"
            label="Durata ISO 8601"
            hint="Ad esempio PT3M (3 minuti), P91D (91 giorni), P6M (6 mesi), P1Y2M (1 anno e 2 mesi)"
            value={value}
            errors={errors}
            maxlength={40}
          />
        </Form>
      </>,
      status,
    );
  };

  app.get("/", (c) => renderClock(c, {}, ""));
  app.post("/orologio", async (c) => {
    const v = await readForm(c, ["advanceBy"]);
    const duration = (v.advanceBy ?? "").toUpperCase();
    if (!ISO_DURATION.test(duration)) {
      return renderClock(
        c,
        { advanceBy: ["Durata ISO 8601: non è nel formato richiesto (ad esempio P1D o PT3M)."] },
        v.advanceBy ?? "",
        400,
      );
    }
    const moved = await control(c).moveClock({ advanceBy: duration }, { requestId: c.get("requestId") });
    if (!moved.ok) {
      if (moved.status === 401 || moved.status === 403) return controlFailed(c, moved, "Orologio simulato");
      const errors = fieldErrorsOf(moved, ["advanceBy"], { "clock-out-of-range": "advanceBy" });
      if (moved.problem.code === "clock-out-of-range")
        errors.advanceBy = [
          "L'orologio simulato arriva al massimo al 31 dicembre 2200: scelga una durata più breve.",
        ];
      else if (errors[FORM]) errors.advanceBy = [...(errors.advanceBy ?? []), ...(errors[FORM] ?? [])];
      delete errors[FORM];
      return renderClock(c, errors, v.advanceBy ?? "", statusOf(moved.status));
    }
    c.get("session").consoleNotice = `Orologio avanzato di ${duration}: ora è ${dateTime(moved.body.now)}.`;
    return c.redirect(CONSOLE, 303);
  });

  app.route("/guasti", consoleFaultsRoutes(deps));
  app.route("/cittadini", consoleCitizensRoutes(deps));
  app.route("/outbox", consoleOutboxRoutes(deps));
  return app;
}
