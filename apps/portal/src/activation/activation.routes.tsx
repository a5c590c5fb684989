/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// "Gestisci il tuo PIN → Attiva PIN" (R04): codice fiscale, the first 8 characters and the health card.
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, type FieldErrors } from "../http/field-errors.ts";
import { echoable, readForm, type FormValues } from "../http/form.ts";
import { ErrorSummary, Field, Form, Group } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

const FIELDS = ["fiscalCode", "firstHalf", "healthCard.number", "healthCard.expiryDate"] as const;
const LABELS: Record<string, string> = {
  fiscalCode: "Codice fiscale",
  firstHalf: "Prima parte del PIN",
  healthCard: "Tessera sanitaria",
  "healthCard.number": "Numero della tessera sanitaria",
  "healthCard.expiryDate": "Scadenza della tessera sanitaria",
};
const CHANNEL_WORDS: Record<string, string> = { email: "email", pec: "PEC", sms: "SMS" };

function render(
  c: Context<PortalEnv>,
  values: FormValues,
  errors: FieldErrors,
  status?: Parameters<typeof page>[3],
) {
  return page(
    c,
    { title: "Attiva PIN", crumbs: [{ label: "Gestisci il tuo PIN" }, { label: "Attiva PIN" }] },
    <>
      <p>
        Indichi il codice fiscale, i primi 8 caratteri del PIN ricevuti per posta e i dati della tessera
        sanitaria. Dopo l'attivazione la seconda parte del PIN arriva per email.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action="/attiva-pin" csrfToken={c.get("session").csrfToken} submit="Attiva il PIN">
        <Field
          name="fiscalCode"
          label="Codice fiscale"
          value={values.fiscalCode}
          errors={errors}
          maxlength={16}
        />
        <Field
          name="firstHalf"
          label="Prima parte del PIN"
          hint="Gli 8 caratteri ricevuti per posta"
          type="password"
          errors={errors}
          maxlength={8}
          autocomplete="one-time-code"
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
      </Form>
    </>,
    status,
  );
}

export function activationRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.get("/", (c) => render(c, {}, {}));
  app.post("/", async (c) => {
    const v = await readForm(c, FIELDS);
    const result = await deps.identity.activate(
      {
        fiscalCode: v.fiscalCode ?? "",
        firstHalf: v.firstHalf ?? "",
        healthCard: { number: v["healthCard.number"] ?? "", expiryDate: v["healthCard.expiryDate"] ?? "" },
      },
      { requestId: c.get("requestId") },
    );
    if (!result.ok) {
      const byCode = {
        "activation-failed": "firstHalf",
        "initial-pin-expired": "firstHalf",
        "activation-not-required": "firstHalf",
      };
      return render(c, echoable(v), fieldErrorsOf(result, FIELDS, byCode), statusOf(result.status));
    }
    c.get("session").outcome = {
      title: "PIN attivato",
      paragraphs: [
        `La seconda parte del PIN arriva per ${CHANNEL_WORDS[result.body.secondHalfChannel] ?? result.body.secondHalfChannel}.`,
        "Al primo accesso indichi i 16 caratteri nell'ordine: prima la parte ricevuta per posta, poi quella ricevuta online.",
      ],
      next: { href: "/accedi", label: "Accedi a MyINPS" },
    };
    return c.redirect("/esito", 303);
  });
  return app;
}
