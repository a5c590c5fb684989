/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Changing the PIN in two steps (R09–R12, R06, R13): current PIN, new PIN twice; then the code sent to the
// registered email or mobile. After it the session ends and the citizen logs in with the new PIN (R34).
// The same pages serve the first access (replace the 16 characters) and the change from Impostazioni.
import type { RequiredAction } from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { Crumb } from "../layout/layout.tsx";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, type FieldErrors } from "../http/field-errors.ts";
import { readForm } from "../http/form.ts";
import { renewSession } from "../http/session.ts";
import { sessionEnded, signedIn } from "../http/signed-in.ts";
import { ErrorSummary, Field, Form } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

export interface PinChangeFlow {
  /** Where the flow lives, e.g. /primo-accesso */
  base: string;
  title: string;
  crumbs: Crumb[];
  intro: string;
  currentLabel: string;
  currentHint?: string;
  currentMax: number;
  /** The required action this flow completes; null for a change the citizen chose. */
  action: RequiredAction | null;
}

const FIELDS = ["currentPin", "newPin", "confirmPin"] as const;
const CODE_FIELDS = ["code"] as const;
const NEW_PIN_HINT =
  "8 caratteri alfanumerici, non facili da indovinare (niente sequenze, ripetizioni o dati personali).";

export function pinChangeRoutes(
  deps: PortalDeps,
  flow: PinChangeFlow,
  extraAllowed: RequiredAction[] = [],
): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const labels: Record<string, string> = {
    currentPin: flow.currentLabel,
    newPin: "Nuovo PIN",
    confirmPin: "Conferma il nuovo PIN",
    code: "Codice di verifica",
  };
  app.use("*", signedIn([flow.action, ...extraAllowed]));

  const renderStep1 = (c: Context<PortalEnv>, errors: FieldErrors, status?: Parameters<typeof page>[3]) =>
    page(
      c,
      { title: flow.title, crumbs: flow.crumbs },
      <>
        <p>{flow.intro}</p>
        {c.get("session").requiredAction === "renew-expired-pin" ? (
          <p class="notice">
            Il PIN è scaduto: sono passati 180 giorni dall'ultima modifica. Lo cambi per continuare.
          </p>
        ) : null}
        <ErrorSummary errors={errors} labels={labels} />
        <Form action={flow.base} csrfToken={c.get("session").csrfToken} submit="Salva">
          <Field
            name="currentPin"
            label={flow.currentLabel}
            hint={flow.currentHint}
            type="password"
            errors={errors}
            maxlength={flow.currentMax}
            autocomplete="current-password"
          />
          <Field
            name="newPin"
            label="Nuovo PIN"
            hint={NEW_PIN_HINT}
            type="password"
            errors={errors}
            maxlength={8}
            autocomplete="new-password"
          />
          <Field
            name="confirmPin"
            label="Conferma il nuovo PIN"
            type="password"
            errors={errors}
            maxlength={8}
            autocomplete="new-password"
          />
        </Form>
      </>,
      status,
    );

  const renderStep2 = (c: Context<PortalEnv>, errors: FieldErrors, status?: Parameters<typeof page>[3]) => {
    const pending = c.get("session").pendingChange;
    const where =
      pending?.channel === "sms"
        ? `per SMS al numero ${pending.destination}`
        : `per email all'indirizzo ${pending?.destination ?? ""}`;
    return page(
      c,
      {
        title: "Codice di verifica",
        crumbs: [
          ...flow.crumbs.map((cr) => ({ ...cr, href: cr.href ?? flow.base })),
          { label: "Codice di verifica" },
        ],
      },
      <>
        <p>{`Abbiamo inviato un codice di verifica ${where}. Lo inserisca per confermare il nuovo PIN.`}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <Form action={`${flow.base}/codice`} csrfToken={c.get("session").csrfToken} submit="Conferma">
          <Field
            name="code"
            label="Codice di verifica"
            type="text"
            errors={errors}
            maxlength={12}
            inputmode="numeric"
            autocomplete="one-time-code"
          />
        </Form>
      </>,
      status,
    );
  };

  app.get("/", (c) => renderStep1(c, {}));
  app.post("/", async (c) => {
    const session = c.get("session");
    const v = await readForm(c, FIELDS);
    const result = await deps.identity.startPinChange(
      session.identityToken ?? "",
      { currentPin: v.currentPin ?? "", newPin: v.newPin ?? "", confirmPin: v.confirmPin ?? "" },
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      if (result.problem.code === "unauthenticated") return sessionEnded(c, deps);
      const byCode = {
        "invalid-credentials": "currentPin",
        locked: "currentPin",
        "confirmation-mismatch": "confirmPin",
        "pin-too-weak": "newPin",
        "pin-reused": "newPin",
      };
      return renderStep1(c, fieldErrorsOf(result, FIELDS, byCode), statusOf(result.status));
    }
    session.pendingChange = {
      changeId: result.body.changeId,
      destination: result.body.destination,
      channel: result.body.verificationChannel,
    };
    return c.redirect(`${flow.base}/codice`, 303);
  });

  app.get("/codice", (c) =>
    c.get("session").pendingChange ? renderStep2(c, {}) : c.redirect(flow.base, 303),
  );
  app.post("/codice", async (c) => {
    const session = c.get("session");
    const pending = session.pendingChange;
    if (!pending) return c.redirect(flow.base, 303);
    const v = await readForm(c, CODE_FIELDS);
    const result = await deps.identity.verifyPinChange(
      session.identityToken ?? "",
      pending.changeId,
      v.code ?? "",
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      if (result.problem.code === "unauthenticated") return sessionEnded(c, deps);
      if (result.problem.code === "code-expired") delete session.pendingChange;
      return renderStep2(
        c,
        fieldErrorsOf(result, CODE_FIELDS, { "invalid-code": "code", "code-expired": "code" }),
        statusOf(result.status),
      );
    }
    // R34: the session in which the PIN changed ends; the next login uses the new PIN.
    await deps.identity.logout(session.identityToken ?? "", { requestId: c.get("requestId") });
    renewSession(c, deps, {
      outcome: {
        title: "PIN modificato",
        paragraphs: [
          "Il nuovo PIN è attivo. Per sicurezza la sessione è terminata: acceda di nuovo con il nuovo PIN.",
        ],
        next: { href: "/accedi", label: "Accedi a MyINPS" },
      },
    });
    return c.redirect("/esito", 303);
  });
  return app;
}
