/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// "Hai smarrito il tuo PIN?" (R15–R20): the request with the registered contacts, the page behind the
// recovery link (the identity service's link lands here when its PUBLIC_URL is the portal's address), and the
// PIN the system generates, shown once with a print button, then typed back to complete the procedure.
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, messageFor, type FieldErrors } from "../http/field-errors.ts";
import { echoable, readForm, type FormValues } from "../http/form.ts";
import { renewSession } from "../http/session.ts";
import { sessionEnded, signedIn } from "../http/signed-in.ts";
import { ErrorSummary, Field, Form } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

const ASK_FIELDS = ["fiscalCode", "mobile", "email", "pec"] as const;
const CONFIRM_FIELDS = ["fiscalCode", "recoveryCode"] as const;
const PIN_FIELDS = ["pin"] as const;
const LABELS: Record<string, string> = {
  fiscalCode: "Codice fiscale",
  mobile: "Cellulare",
  email: "Email",
  pec: "PEC",
  recoveryCode: "Codice di ripristino",
  pin: "Nuovo PIN",
};
/** The link's token as the identity service makes it; anything else is not a link of ours. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{8,200}$/;
const crumbs = [{ href: "/pin-smarrito", label: "Hai smarrito il PIN?" }];

function renderAsk(
  c: Context<PortalEnv>,
  values: FormValues,
  errors: FieldErrors,
  status?: Parameters<typeof page>[3],
) {
  return page(
    c,
    { title: "Hai smarrito il PIN?", crumbs: [{ label: "Hai smarrito il PIN?" }] },
    <>
      <p>
        Indichi il codice fiscale e i recapiti registrati: il cellulare e l'email (o, se previsto, due
        recapiti qualsiasi tra email, PEC e cellulare). Se i dati corrispondono, riceverà per email un link e
        un codice di ripristino.
      </p>
      <p class="hint">
        Se non ha mai attivato il PIN iniziale o non ha più accesso al cellulare e all'email registrati, il
        recupero non è possibile: il PIN va revocato (anche dal contact center 803 164) e richiesto di nuovo.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action="/pin-smarrito" csrfToken={c.get("session").csrfToken} submit="Invia">
        <Field
          name="fiscalCode"
          label="Codice fiscale"
          value={values.fiscalCode}
          errors={errors}
          maxlength={16}
        />
        <Field
          name="mobile"
          label="Cellulare"
          type="tel"
          value={values.mobile}
          errors={errors}
          autocomplete="tel"
        />
        <Field
          name="email"
          label="Email"
          type="email"
          value={values.email}
          errors={errors}
          autocomplete="email"
        />
        <Field name="pec" label="PEC" type="email" value={values.pec} errors={errors} />
      </Form>
    </>,
    status,
  );
}

function renderLink(
  c: Context<PortalEnv>,
  action: string,
  values: FormValues,
  errors: FieldErrors,
  status?: Parameters<typeof page>[3],
) {
  return page(
    c,
    { title: "Ripristino del PIN", crumbs: [...crumbs, { label: "Ripristino del PIN" }] },
    <>
      <p>Indichi il codice fiscale e il codice di ripristino ricevuto per email.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action={action} csrfToken={c.get("session").csrfToken} submit="Conferma">
        <Field
          name="fiscalCode"
          label="Codice fiscale"
          value={values.fiscalCode}
          errors={errors}
          maxlength={16}
        />
        <Field
          name="recoveryCode"
          label="Codice di ripristino"
          type="password"
          errors={errors}
          maxlength={32}
          autocomplete="one-time-code"
        />
      </Form>
    </>,
    status,
  );
}

function renderConfirmGenerated(c: Context<PortalEnv>, errors: FieldErrors) {
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form
        action="/pin-generato/conferma"
        csrfToken={c.get("session").csrfToken}
        submit="Completa la procedura"
      >
        <Field
          name="pin"
          label="Nuovo PIN"
          hint="Inserisca il PIN di 8 caratteri che ha annotato o stampato."
          type="password"
          errors={errors}
          maxlength={8}
          autocomplete="new-password"
        />
      </Form>
    </>
  );
}

export function recoveryRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();

  app.get("/pin-smarrito", (c) => renderAsk(c, {}, {}));
  app.post("/pin-smarrito", async (c) => {
    const v = await readForm(c, ASK_FIELDS);
    const input = {
      fiscalCode: v.fiscalCode ?? "",
      ...(v.mobile ? { mobile: v.mobile } : {}),
      ...(v.email ? { email: v.email } : {}),
      ...(v.pec ? { pec: v.pec } : {}),
    };
    const result = await deps.identity.askRecovery(input, { requestId: c.get("requestId") });
    if (!result.ok)
      return renderAsk(c, echoable(v), fieldErrorsOf(result, ASK_FIELDS), statusOf(result.status));
    // The same answer whether or not anything matched: the page tells no one whether a citizen exists.
    c.get("session").outcome = {
      title: "Richiesta inviata",
      paragraphs: [
        "Se i dati corrispondono a un PIN registrato, riceverà a breve un'email con il link e il codice di ripristino.",
        "Apra il link e indichi il codice fiscale e il codice di ripristino.",
      ],
    };
    return c.redirect("/esito", 303);
  });

  // The recovery link: the identity service builds <PUBLIC_URL>/api/v1/recoveries/<token>.
  app.get("/api/v1/recoveries/:token", (c) => {
    const token = c.req.param("token");
    if (!LINK_TOKEN.test(token)) return c.notFound();
    return renderLink(c, `/api/v1/recoveries/${token}`, {}, {});
  });
  app.post("/api/v1/recoveries/:token", async (c) => {
    const token = c.req.param("token");
    if (!LINK_TOKEN.test(token)) return c.notFound();
    const v = await readForm(c, CONFIRM_FIELDS);
    const result = await deps.identity.confirmRecovery(
      token,
      { fiscalCode: v.fiscalCode ?? "", recoveryCode: v.recoveryCode ?? "" },
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      const byCode = { "recovery-failed": "recoveryCode", "recovery-expired": "recoveryCode" };
      return renderLink(
        c,
        `/api/v1/recoveries/${token}`,
        echoable(v),
        fieldErrorsOf(result, CONFIRM_FIELDS, byCode),
        statusOf(result.status),
      );
    }
    c.get("session").outcome = {
      title: "Nuovo PIN in arrivo",
      paragraphs: [
        "I primi 8 caratteri del nuovo PIN arrivano per SMS, gli altri 8 per email.",
        "Acceda con il codice fiscale e i 16 caratteri nell'ordine: prima quelli dell'SMS, poi quelli dell'email. Il sistema genererà poi il PIN definitivo.",
      ],
      next: { href: "/accedi", label: "Accedi a MyINPS" },
    };
    return c.redirect("/esito", 303);
  });

  // R20: the generated PIN. GET explains; only the POST asks for it, so a reload or a prefetch never spends it.
  const genCrumbs = [...crumbs, { label: "Nuovo PIN generato" }];
  app.use("/pin-generato", signedIn(["confirm-generated-pin"]));
  app.use("/pin-generato/*", signedIn(["confirm-generated-pin"]));
  app.get("/pin-generato", (c) =>
    page(
      c,
      { title: "Nuovo PIN generato", crumbs: genCrumbs },
      <>
        <p>
          Per completare il recupero il sistema genera un nuovo PIN di 8 caratteri. Sarà mostrato una sola
          volta: lo annoti o lo stampi, poi lo inserisca per completare la procedura.
        </p>
        <Form action="/pin-generato" csrfToken={c.get("session").csrfToken} submit="Mostra il nuovo PIN" />
        <p>
          Ha già visto il PIN? <a href="/pin-generato/conferma">Inserisca il PIN</a>
        </p>
      </>,
    ),
  );
  app.post("/pin-generato", async (c) => {
    const result = await deps.identity.showGeneratedPin(c.get("session").identityToken ?? "", {
      requestId: c.get("requestId"),
    });
    if (!result.ok) {
      if (result.status === 401) return sessionEnded(c, deps);
      return page(
        c,
        { title: "Nuovo PIN generato", crumbs: genCrumbs },
        <>
          <p class="field-error">
            {result.status === 409
              ? "Il PIN generato è già stato mostrato: inserisca quello che ha annotato."
              : messageFor(result)}
          </p>
          {renderConfirmGenerated(c, {})}
        </>,
        statusOf(result.status),
      );
    }
    return page(
      c,
      { title: "Nuovo PIN generato", crumbs: genCrumbs },
      <>
        <p>
          Questo è il suo nuovo PIN. Non sarà mostrato di nuovo: lo annoti o lo stampi, e non lo comunichi a
          nessuno.
        </p>
        <p class="generated-pin" aria-label="Nuovo PIN">
          {result.body.pin}
        </p>
        <p class="no-print">
          <button type="button" class="button secondary" data-print hidden>
            Stampa
          </button>
          <script src="/assets/print.js" defer></script>
        </p>
        {renderConfirmGenerated(c, {})}
      </>,
    );
  });
  app.get("/pin-generato/conferma", (c) =>
    page(c, { title: "Inserisca il nuovo PIN", crumbs: genCrumbs }, renderConfirmGenerated(c, {})),
  );
  app.post("/pin-generato/conferma", async (c) => {
    const session = c.get("session");
    const v = await readForm(c, PIN_FIELDS);
    const result = await deps.identity.confirmGeneratedPin(session.identityToken ?? "", v.pin ?? "", {
      requestId: c.get("requestId"),
    });
    if (!result.ok) {
      if (result.status === 401) return sessionEnded(c, deps);
      const errors = fieldErrorsOf(result, PIN_FIELDS, { "invalid-code": "pin" });
      if (result.problem.code === "invalid-code") errors.pin = ["Il PIN inserito non è quello generato."];
      return page(
        c,
        { title: "Inserisca il nuovo PIN", crumbs: genCrumbs },
        renderConfirmGenerated(c, errors),
        statusOf(result.status),
      );
    }
    await deps.identity.logout(session.identityToken ?? "", { requestId: c.get("requestId") });
    renewSession(c, deps, {
      outcome: {
        title: "Recupero completato",
        paragraphs: ["Il nuovo PIN è attivo. Acceda con il codice fiscale e il nuovo PIN."],
        next: { href: "/accedi", label: "Accedi a MyINPS" },
      },
    });
    return c.redirect("/esito", 303);
  });
  return app;
}
