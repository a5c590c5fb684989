/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The frame of the console's pages: the console's own menu, the one-time notice of the last action, and what a
// refusal of the control plane shows (a token no longer accepted sends back to the token form).
import type { IdentityFailure } from "@inps-sim/clients";
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { PortalEnv } from "../http/env.ts";
import { CSRF_FIELD } from "../http/csrf-token.ts";
import { page } from "../layout/page.tsx";

export const CONSOLE = "/__console";
const SECTIONS = [
  { href: CONSOLE, label: "Orologio" },
  { href: `${CONSOLE}/guasti`, label: "Guasti" },
  { href: `${CONSOLE}/cittadini`, label: "Cittadini" },
  { href: `${CONSOLE}/outbox`, label: "Outbox" },
];

export function consolePage(
  c: Context<PortalEnv>,
  title: string,
  body: Child,
  status?: Parameters<typeof page>[3],
  extraCrumbs: { href?: string; label: string }[] = [],
) {
  const session = c.get("session");
  const notice = session.consoleNotice;
  delete session.consoleNotice;
  const here = c.req.path.replace(/\/+$/, "") || CONSOLE;
  return page(
    c,
    { title, crumbs: [{ href: CONSOLE, label: "Console del simulatore" }, ...extraCrumbs, { label: title }] },
    <>
      <nav aria-label="Console" class="console-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li>
              {s.href === here ? (
                <a href={s.href} aria-current="page">
                  {s.label}
                </a>
              ) : (
                <a href={s.href}>{s.label}</a>
              )}
            </li>
          ))}
          <li>
            <form method="post" action={`${CONSOLE}/esci`} class="inline">
              <input type="hidden" name={CSRF_FIELD} value={session.csrfToken} />
              <button type="submit" class="link">
                Esci dalla console
              </button>
            </form>
          </li>
        </ul>
      </nav>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {body}
    </>,
    status,
  );
}

/** What a failed control-plane call shows; a refused token is forgotten, and the form asks for it again. */
export function controlFailed(c: Context<PortalEnv>, failure: IdentityFailure, title: string) {
  if (failure.status === 401 || failure.status === 403) {
    const session = c.get("session");
    delete session.adminToken;
    session.consoleNotice = "Il token del pannello di controllo non è più accettato: lo inserisca di nuovo.";
    return c.redirect(`${CONSOLE}/accesso`, 303);
  }
  const detail = typeof failure.problem.detail === "string" ? failure.problem.detail : failure.problem.title;
  return consolePage(
    c,
    title,
    <p class="field-error">{`Il servizio ha risposto ${failure.status} (${failure.problem.code}): ${detail}`}</p>,
    503,
  );
}

export const dateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString("it-IT", {
        timeZone: "Europe/Rome",
        dateStyle: "full",
        timeStyle: "medium",
      })
    : "—";
