/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Impostazioni → "Modifica contatti" (R25): the registered contacts, masked; one change at a time, confirmed with the
// code sent to the new contact (a removal's code goes to one that remains). Nothing changes until the code is
// confirmed, and the last digital contact cannot be removed: that refusal appears beside its field.
import type { IdentityFailure, MaskedContacts } from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { labelled } from "../http/api-messages.ts";
import { fieldErrorsOf, messageFor, type FieldErrors } from "../http/field-errors.ts";
import { echoable, readForm, type FormValues } from "../http/form.ts";
import type { PendingContact } from "../http/session-store.ts";
import { sessionEnded, signedIn } from "../http/signed-in.ts";
import { pageFor } from "../login/login.routes.tsx";
import { ErrorSummary, Field, Form } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

type Kind = PendingContact["field"];
const KINDS: readonly Kind[] = ["email", "pec", "mobile"];
const FIELDS = ["contatto", "azione", "email", "pec", "mobile"] as const;
const CODE_FIELDS = ["code"] as const;

/** How each contact is named on the page: the noun with its article, the new value's label, the input's type. */
const WORDS: Record<
  Kind,
  { name: string; the: string; newLabel: string; type: "email" | "tel"; hint?: string; autocomplete?: string }
> = {
  email: { name: "Email", the: "l'email", newLabel: "Nuova email", type: "email", autocomplete: "email" },
  pec: {
    name: "PEC",
    the: "la PEC",
    newLabel: "Nuova PEC",
    type: "email",
    hint: "Un indirizzo di posta elettronica certificata, ad esempio nome@pec.it",
  },
  mobile: {
    name: "Cellulare",
    the: "il cellulare",
    newLabel: "Nuovo cellulare",
    type: "tel",
    hint: "Un cellulare italiano, ad esempio +39 333 1234567",
    autocomplete: "tel",
  },
};
const LABELS: Record<string, string> = {
  email: "Nuova email",
  pec: "Nuova PEC",
  mobile: "Nuovo cellulare",
  code: "Codice di verifica",
};

const base = "/impostazioni/contatti";
const crumbs = [
  { href: "/area-personale", label: "Area personale" },
  { href: "/impostazioni/sicurezza", label: "Impostazioni" },
  { href: base, label: "Modifica contatti" },
];

const isKind = (value: string | undefined): value is Kind =>
  (KINDS as readonly string[]).includes(value ?? "");

export function contactsRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.use("*", signedIn());

  const failed = (c: Context<PortalEnv>, failure: IdentityFailure) => {
    if (failure.status === 401) return sessionEnded(c, deps);
    if (failure.problem.code === "action-required") {
      c.get("session").requiredAction = failure.problem.requiredAction ?? null;
      return c.redirect(pageFor(failure.problem.requiredAction), 303);
    }
    return page(
      c,
      { title: "Modifica contatti", crumbs },
      <p class="field-error">{messageFor(failure)}</p>,
      statusOf(failure.status),
    );
  };

  const render = async (
    c: Context<PortalEnv>,
    values: FormValues,
    errors: FieldErrors,
    status?: Parameters<typeof page>[3],
  ) => {
    const answer = await deps.identity.contacts(c.get("session").identityToken ?? "", {
      requestId: c.get("requestId"),
    });
    if (!answer.ok) return failed(c, answer);
    const contacts: MaskedContacts = answer.body.contacts;
    const csrfToken = c.get("session").csrfToken;
    return page(
      c,
      { title: "Modifica contatti", crumbs: [...crumbs.slice(0, 2), { label: "Modifica contatti" }] },
      <>
        <p>
          Qui si aggiornano i recapiti del PIN, uno alla volta. Ogni modifica si conferma con un codice
          inviato al nuovo recapito (per una rimozione, a un recapito che resta); fino ad allora non cambia
          nulla. Deve restare almeno un recapito digitale.
        </p>
        <ErrorSummary errors={errors} labels={LABELS} />
        <table>
          <caption>Recapiti registrati</caption>
          <tbody>
            {KINDS.map((kind) => (
              <tr>
                <th scope="row">{WORDS[kind].name}</th>
                <td>{contacts[kind] ?? "non registrato"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {KINDS.map((kind) => {
          const w = WORDS[kind];
          const registered = contacts[kind] !== null;
          return (
            <section aria-labelledby={`contatto-${kind}`}>
              <h2 id={`contatto-${kind}`}>{w.name}</h2>
              <Form
                action={base}
                csrfToken={csrfToken}
                submit={registered ? `Modifica ${w.the}` : `Aggiungi ${w.the}`}
              >
                <input type="hidden" name="contatto" value={kind} />
                <Field
                  name={kind}
                  label={w.newLabel}
                  hint={w.hint}
                  type={w.type}
                  value={values[kind]}
                  errors={errors}
                  maxlength={254}
                  autocomplete={w.autocomplete}
                />
              </Form>
              {registered ? (
                <Form action={base} csrfToken={csrfToken} submit={`Rimuovi ${w.the}`} secondary>
                  <input type="hidden" name="contatto" value={kind} />
                  <input type="hidden" name="azione" value="rimuovi" />
                </Form>
              ) : null}
            </section>
          );
        })}
      </>,
      status,
    );
  };

  const renderCode = (c: Context<PortalEnv>, errors: FieldErrors, status?: Parameters<typeof page>[3]) => {
    const pending = c.get("session").pendingContact;
    return page(
      c,
      { title: "Conferma il recapito", crumbs: [...crumbs, { label: "Codice di verifica" }] },
      <>
        <p>{`Abbiamo inviato un codice di verifica a ${pending?.destination ?? ""}. Lo inserisca per confermare la modifica.`}</p>
        <ErrorSummary errors={errors} labels={LABELS} />
        <Form action={`${base}/codice`} csrfToken={c.get("session").csrfToken} submit="Conferma">
          <Field
            name="code"
            label="Codice di verifica"
            errors={errors}
            maxlength={12}
            inputmode="numeric"
            autocomplete="one-time-code"
          />
        </Form>
        <p>
          <a href={base}>Annulla e torna ai recapiti</a>
        </p>
      </>,
      status,
    );
  };

  app.get("/", (c) => render(c, {}, {}));
  app.post("/", async (c) => {
    const session = c.get("session");
    const v = await readForm(c, FIELDS);
    const kind = v.contatto;
    if (!isKind(kind)) return render(c, {}, {}, 400);
    const removal = v.azione === "rimuovi";
    const result = await deps.identity.changeContact(
      session.identityToken ?? "",
      { [kind]: removal ? null : (v[kind] ?? "") },
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      if (result.status === 401 || result.problem.code === "action-required") return failed(c, result);
      const errors = fieldErrorsOf(result, FIELDS, { "last-contact": kind });
      // A validation message comes as the API words it (at times in English): in Italian, under the field's label.
      return render(
        c,
        echoable(v),
        result.problem.code === "validation-failed" ? labelled(errors, LABELS) : errors,
        statusOf(result.status),
      );
    }
    session.pendingContact = {
      verificationId: result.body.verificationId,
      destination: result.body.destination,
      field: kind,
      removal,
    };
    return c.redirect(`${base}/codice`, 303);
  });

  app.get("/codice", (c) => (c.get("session").pendingContact ? renderCode(c, {}) : c.redirect(base, 303)));
  app.post("/codice", async (c) => {
    const session = c.get("session");
    const pending = session.pendingContact;
    if (!pending) return c.redirect(base, 303);
    const v = await readForm(c, CODE_FIELDS);
    const result = await deps.identity.verifyContactChange(
      session.identityToken ?? "",
      pending.verificationId,
      v.code ?? "",
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      if (result.status === 401 || result.problem.code === "action-required") return failed(c, result);
      if (result.problem.code === "code-expired" || result.problem.code === "last-contact")
        delete session.pendingContact;
      return renderCode(
        c,
        fieldErrorsOf(result, CODE_FIELDS, { "invalid-code": "code", "code-expired": "code" }),
        statusOf(result.status),
      );
    }
    delete session.pendingContact;
    const w = WORDS[pending.field];
    const now = result.body.contacts[pending.field];
    session.outcome = {
      title: "Recapiti aggiornati",
      paragraphs: [
        pending.removal || now === null
          ? `Recapito rimosso: ${w.name}.`
          : `Recapito confermato: ${w.name} ${now}.`,
      ],
      next: { href: base, label: "Torna a Modifica contatti" },
    };
    return c.redirect("/esito", 303);
  });
  return app;
}
