// Pages behind the login: without a session, to "Accedi"; a session that owes an action (first access,
// expired PIN, generated PIN) reaches only that action's pages, as the identity service itself enforces.
import type { RequiredAction } from "@inps-sim/clients";
import type { Context, MiddlewareHandler } from "hono";
import type { PortalDeps, PortalEnv } from "./env.ts";
import { pageFor } from "../login/login.routes.tsx";
import { renewSession } from "./session.ts";

/** @param allowed the required actions (null: none owed) a session may have to see these pages */
export function signedIn(allowed: readonly (RequiredAction | null)[] = [null]): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const session = c.get("session");
    if (!session.identityToken) return c.redirect("/accedi", 303);
    const owed = session.requiredAction ?? null;
    if (!allowed.includes(owed)) return c.redirect(pageFor(owed), 303);
    return next();
  };
}

/** The identity service no longer knows the token (expired, or ended by a PIN change): back to "Accedi". */
export function sessionEnded(c: Context<PortalEnv>, deps: PortalDeps) {
  renewSession(c, deps, {
    outcome: {
      title: "Sessione scaduta",
      paragraphs: ["La sessione è terminata: acceda di nuovo."],
      next: { href: "/accedi", label: "Accedi" },
    },
  });
  return c.redirect("/esito", 303);
}
