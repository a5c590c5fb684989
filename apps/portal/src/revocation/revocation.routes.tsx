/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// "Revoca PIN" (R22–R24): codice fiscale, tessera sanitaria and the registered email or PEC. The PIN stops working
// at once and every session ends, this one too; a new PIN is then requested from scratch.
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, type FieldErrors } from "../http/field-errors.ts";
import { echoable, readForm, type FormValues } from "../http/form.ts";
import { renewSession } from "../http/session.ts";
import { ErrorSummary, Field, Form, Group } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

const FIELDS = ["fiscalCode", "healthCard.number", "healthCard.expiryDate", "email", "pec"] as const;
const LABELS: Record<string, string> = {
  fiscalCode: "Codice fiscale",
  healthCard: "Tessera sanitaria",
  "healthCard.number": "Numero della tessera sanitaria",
  "healthCard.expiryDate": "Scadenza della tessera sanitaria",
  contatto: "Recapito registrato",
  email: "Email registrata",
  pec: "PEC registrata",
};

function render(
  c: Context<PortalEnv>,
  values: FormValues,
  errors: FieldErrors,
  status?: Parameters<typeof page>[3],
) {
  return page(
    c,
    { title: "Revoca PIN", crumbs: [{ label: "Gestisci il tuo PIN" }, { label: "Revoca PIN" }] },
    <>
      <p>
        La revoca disattiva subito il PIN: ogni sessione aperta si chiude e le richieste in corso sono
        annullate. Per tornare ai servizi online servirà un nuovo PIN, da richiedere da capo.
      </p>
      <p class="hint">
        Servono il codice fiscale, i dati della tessera sanitaria e l'email o la PEC registrate. Chi non ha
        una tessera sanitaria registrata presso l'INPS revoca il PIN chiamando il contact center 803 164
        (gratuito da rete fissa) o 06 164 164 da cellulare.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action="/revoca-pin" csrfToken={c.get("session").csrfToken} submit="Revoca il PIN">
        <Field
          name="fiscalCode"
          label="Codice fiscale"
          value={values.fiscalCode}
          errors={errors}
          maxlength={16}
          autocomplete="username"
        />
        <Group name="healthCard" legend="Tessera sanitaria" errors={errors}>
          <Field
            name="healthCard.number"
            label="Numero della tessera sanitaria"
            value={values["healthCard.number"]}
            errors={errors}
            inputmode="numeric"
            maxlength={20}
          />
          <Field
            name="healthCard.expiryDate"
            label="Scadenza della tessera sanitaria"
            type="date"
            value={values["healthCard.expiryDate"]}
            errors={errors}
          />
        </Group>
        <Group
          name="contatto"
          legend="Recapito registrato"
          hint="Almeno uno dei due: vi arriverà la conferma della revoca."
          errors={errors}
        >
          <Field
            name="email"
            label="Email registrata"
            type="email"
            value={values.email}
            errors={errors}
            autocomplete="email"
          />
          <Field name="pec" label="PEC registrata" type="email" value={values.pec} errors={errors} />
        </Group>
      </Form>
    </>,
    status,
  );
}

export function revocationRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.get("/", (c) => render(c, {}, {}));
  app.post("/", async (c) => {
    const v = await readForm(c, FIELDS);
    const result = await deps.identity.revoke(
      {
        fiscalCode: v.fiscalCode ?? "",
        healthCard: { number: v["healthCard.number"] ?? "", expiryDate: v["healthCard.expiryDate"] ?? "" },
        ...(v.email ? { email: v.email } : {}),
        ...(v.pec ? { pec: v.pec } : {}),
      },
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      // One answer for any mismatch (R24): it concerns the whole form, so it goes to the summary, not to one field.
      return render(c, echoable(v), fieldErrorsOf(result, FIELDS), statusOf(result.status));
    }
    // Every session of the citizen ended with the revocation: this one starts over, signed out.
    renewSession(c, deps, {
      outcome: {
        title: "PIN revocato",
        paragraphs: [
          "Il PIN è stato revocato: non è più valido per accedere ai servizi online.",
          "La conferma della revoca arriva al recapito indicato. Per accedere di nuovo richieda un nuovo PIN.",
        ],
        next: { href: "/richiedi-pin", label: "Richiedi PIN" },
      },
    });
    return c.redirect("/esito", 303);
  });
  return app;
}
