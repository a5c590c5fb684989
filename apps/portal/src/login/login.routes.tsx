/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// "Accedi a MyINPS" (R07, R08): codice fiscale and PIN; a session that owes an action goes straight to it.
import type { RequiredAction } from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, type FieldErrors } from "../http/field-errors.ts";
import { echoable, readForm, type FormValues } from "../http/form.ts";
import { renewSession } from "../http/session.ts";
import { ErrorSummary, Field, Form } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

const FIELDS = ["fiscalCode", "pin"] as const;
const LABELS: Record<string, string> = { fiscalCode: "Codice fiscale", pin: "PIN" };

/** Where a session with this required action must go first. */
export function pageFor(action: RequiredAction | null | undefined): string {
  switch (action) {
    case "replace-initial-pin":
      return "/primo-accesso";
    case "renew-expired-pin":
      return "/impostazioni/sicurezza/cambia-pin";
    case "confirm-generated-pin":
      return "/pin-generato";
    default:
      return "/area-personale";
  }
}

function render(
  c: Context<PortalEnv>,
  values: FormValues,
  errors: FieldErrors,
  status?: Parameters<typeof page>[3],
) {
  return page(
    c,
    { title: "Accedi a MyINPS", crumbs: [{ label: "Accedi" }] },
    <>
      <p>Indichi il codice fiscale e il PIN. Al primo accesso usi i 16 caratteri del PIN iniziale.</p>
      <p class="hint">Un PIN errato blocca l'accesso ai servizi per circa 3 minuti.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action="/accedi" csrfToken={c.get("session").csrfToken} submit="Accedi">
        <Field
          name="fiscalCode"
          label="Codice fiscale"
          value={values.fiscalCode}
          errors={errors}
          maxlength={16}
          autocomplete="username"
        />
        <Field
          name="pin"
          label="PIN"
          type="password"
          errors={errors}
          maxlength={16}
          autocomplete="current-password"
        />
      </Form>
      <p>
        <a href="/pin-smarrito">Hai smarrito il PIN?</a> · <a href="/richiedi-pin">Richiedi PIN</a>
      </p>
    </>,
    status,
  );
}

export function loginRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.get("/accedi", (c) =>
    c.get("session").identityToken
      ? c.redirect(pageFor(c.get("session").requiredAction), 303)
      : render(c, {}, {}),
  );
  app.post("/accedi", async (c) => {
    const v = await readForm(c, FIELDS);
    const result = await deps.identity.login(
      { fiscalCode: v.fiscalCode ?? "", pin: v.pin ?? "" },
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      const byCode = { "invalid-credentials": "pin", locked: "pin", "initial-pin-expired": "pin" };
      if (result.status === 423) c.header("retry-after", String(result.problem.retryAfter ?? 180));
      return render(c, echoable(v), fieldErrorsOf(result, FIELDS, byCode), statusOf(result.status));
    }
    renewSession(c, deps, { identityToken: result.body.token, requiredAction: result.body.requiredAction });
    return c.redirect(pageFor(result.body.requiredAction), 303);
  });
  app.post("/esci", async (c) => {
    const token = c.get("session").identityToken;
    if (token) await deps.identity.logout(token, { requestId: c.get("requestId") });
    renewSession(c, deps, {
      outcome: {
        title: "Uscita eseguita",
        paragraphs: ["La sessione è chiusa."],
        next: { href: "/accedi", label: "Accedi di nuovo" },
      },
    });
    return c.redirect("/esito", 303);
  });
  return app;
}
