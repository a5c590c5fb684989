/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// "Richiedi PIN" (R01–R03): personal data, residence, contacts, and the two delivery profiles explained.
import type { PinRequestInput } from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, type FieldErrors } from "../http/field-errors.ts";
import { echoable, given, readForm, type FormValues } from "../http/form.ts";
import { ErrorSummary, Field, Form, Group, Radios } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";

const FIELDS = [
  "fiscalCode",
  "firstName",
  "lastName",
  "gender",
  "birthDate",
  "birthPlace",
  "residence.street",
  "residence.postalCode",
  "residence.city",
  "residence.province",
  "contacts.email",
  "contacts.pec",
  "contacts.mobile",
  "healthCard.number",
  "healthCard.expiryDate",
  "deliveryProfile",
  "firstHalfChannel",
] as const;

const LABELS: Record<string, string> = {
  fiscalCode: "Codice fiscale",
  firstName: "Nome",
  lastName: "Cognome",
  gender: "Sesso",
  birthDate: "Data di nascita",
  birthPlace: "Luogo di nascita",
  "residence.street": "Via e numero civico",
  "residence.postalCode": "CAP",
  "residence.city": "Comune",
  "residence.province": "Provincia",
  residence: "Residenza",
  contacts: "Recapiti",
  "contacts.email": "Email",
  "contacts.pec": "PEC",
  "contacts.mobile": "Cellulare",
  healthCard: "Tessera sanitaria",
  "healthCard.number": "Numero della tessera sanitaria",
  "healthCard.expiryDate": "Scadenza della tessera sanitaria",
  deliveryProfile: "Come ricevere le due parti",
  firstHalfChannel: "Canale della prima parte",
};

const CHANNEL_WORDS: Record<string, string> = {
  email: "email",
  pec: "PEC",
  sms: "SMS",
  post: "posta ordinaria all'indirizzo di residenza",
};

function toInput(v: FormValues): PinRequestInput {
  const input: PinRequestInput = {
    fiscalCode: v.fiscalCode ?? "",
    firstName: v.firstName ?? "",
    lastName: v.lastName ?? "",
    gender: v.gender as "M" | "F",
    birthDate: v.birthDate ?? "",
    birthPlace: v.birthPlace ?? "",
    residence: {
      street: v["residence.street"] ?? "",
      postalCode: v["residence.postalCode"] ?? "",
      city: v["residence.city"] ?? "",
      province: v["residence.province"] ?? "",
    },
    contacts:
      given({
        email: v["contacts.email"] ?? "",
        pec: v["contacts.pec"] ?? "",
        mobile: v["contacts.mobile"] ?? "",
      }) ?? {},
  };
  const card = given({ number: v["healthCard.number"] ?? "", expiryDate: v["healthCard.expiryDate"] ?? "" });
  if (card) input.healthCard = { number: card.number ?? "", expiryDate: card.expiryDate ?? "" };
  if (v.deliveryProfile === "digital-then-post" || v.deliveryProfile === "post-then-activate")
    input.deliveryProfile = v.deliveryProfile;
  if (v.firstHalfChannel === "email" || v.firstHalfChannel === "pec" || v.firstHalfChannel === "sms")
    input.firstHalfChannel = v.firstHalfChannel;
  return input;
}

function render(
  c: Context<PortalEnv>,
  values: FormValues,
  errors: FieldErrors,
  status?: Parameters<typeof page>[3],
) {
  const csrfToken = c.get("session").csrfToken;
  return page(
    c,
    { title: "Richiedi PIN", crumbs: [{ label: "Richiedi PIN" }] },
    <>
      <p>
        Il PIN iniziale ha 16 caratteri alfanumerici e arriva in due parti da 8 per due canali diversi. Scelga
        come riceverle:
      </p>
      <ul>
        <li>
          <strong>Prima online, poi per posta</strong> (<code>digital-then-post</code>): i primi 8 caratteri
          arrivano subito per email, PEC o SMS; gli altri 8 per posta ordinaria all'indirizzo di residenza.
        </li>
        <li>
          <strong>Prima per posta, poi con l'attivazione</strong> (<code>post-then-activate</code>): i primi 8
          caratteri arrivano per posta; con essi e la tessera sanitaria si attiva il PIN da «Attiva PIN» e
          solo allora arriva la seconda parte per email. Richiede i dati della tessera sanitaria.
        </li>
      </ul>
      <p>Il PIN va attivato e usato entro 90 giorni, altrimenti scade.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action="/richiedi-pin" csrfToken={csrfToken} submit="Invia la richiesta">
        <Group name="anagrafica" legend="Dati anagrafici" errors={errors}>
          <Field
            name="fiscalCode"
            label="Codice fiscale"
            value={values.fiscalCode}
            errors={errors}
            maxlength={16}
            autocomplete="off"
          />
          <Field
            name="firstName"
            label="Nome"
            value={values.firstName}
            errors={errors}
            autocomplete="given-name"
          />
          <Field
            name="lastName"
            label="Cognome"
            value={values.lastName}
            errors={errors}
            autocomplete="family-name"
          />
          <Radios
            name="gender"
            legend="Sesso"
            value={values.gender}
            errors={errors}
            choices={[
              { value: "F", label: "Femmina" },
              { value: "M", label: "Maschio" },
            ]}
          />
          <Field
            name="birthDate"
            label="Data di nascita"
            type="date"
            value={values.birthDate}
            errors={errors}
            autocomplete="bday"
          />
          <Field
            name="birthPlace"
            label="Luogo di nascita"
            hint="Comune, o Stato estero"
            value={values.birthPlace}
            errors={errors}
          />
        </Group>
        <Group
          name="residence"
          legend="Residenza"
          hint="I caratteri che viaggiano per posta arrivano qui."
          errors={errors}
        >
          <Field
            name="residence.street"
            label="Via e numero civico"
            value={values["residence.street"]}
            errors={errors}
            autocomplete="address-line1"
          />
          <Field
            name="residence.postalCode"
            label="CAP"
            value={values["residence.postalCode"]}
            errors={errors}
            inputmode="numeric"
            maxlength={5}
            autocomplete="postal-code"
          />
          <Field
            name="residence.city"
            label="Comune"
            value={values["residence.city"]}
            errors={errors}
            autocomplete="address-level2"
          />
          <Field
            name="residence.province"
            label="Provincia"
            hint="Sigla, ad esempio RM"
            value={values["residence.province"]}
            errors={errors}
            maxlength={2}
          />
        </Group>
        <Group
          name="contacts"
          legend="Recapiti"
          hint="Almeno uno: una parte del PIN viaggia così."
          errors={errors}
        >
          <Field
            name="contacts.email"
            label="Email"
            type="email"
            value={values["contacts.email"]}
            errors={errors}
            autocomplete="email"
          />
          <Field
            name="contacts.pec"
            label="PEC"
            type="email"
            value={values["contacts.pec"]}
            errors={errors}
          />
          <Field
            name="contacts.mobile"
            label="Cellulare"
            type="tel"
            hint="Ad esempio +39 333 1234567"
            value={values["contacts.mobile"]}
            errors={errors}
            autocomplete="tel"
          />
        </Group>
        <Group
          name="healthCard"
          legend="Tessera sanitaria"
          hint="Serve per attivare il PIN; obbligatoria per «prima per posta»."
          errors={errors}
        >
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
        <Radios
          name="deliveryProfile"
          legend="Come ricevere le due parti"
          value={values.deliveryProfile}
          errors={errors}
          choices={[
            {
              value: "digital-then-post",
              label: "Prima online, poi per posta",
              hint: "Prima parte per email, PEC o SMS; seconda per posta.",
            },
            {
              value: "post-then-activate",
              label: "Prima per posta, poi con l'attivazione",
              hint: "Prima parte per posta; seconda per email dopo «Attiva PIN».",
            },
          ]}
        />
        <Radios
          name="firstHalfChannel"
          legend="Canale della parte online"
          value={values.firstHalfChannel}
          errors={errors}
          choices={[
            { value: "email", label: "Email" },
            { value: "pec", label: "PEC" },
            { value: "sms", label: "SMS" },
          ]}
        />
      </Form>
    </>,
    status,
  );
}

export function pinRequestRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.get("/", (c) => render(c, { deliveryProfile: "digital-then-post" }, {}));
  app.post("/", async (c) => {
    const values = await readForm(c, FIELDS);
    const result = await deps.identity.requestPin(toInput(values), { requestId: c.get("requestId") });
    if (!result.ok) {
      return render(
        c,
        echoable(values),
        fieldErrorsOf(result, FIELDS, { "credential-exists": "fiscalCode" }),
        statusOf(result.status),
      );
    }
    const { channels, activationDeadline } = result.body;
    const deadline = new Date(activationDeadline).toLocaleDateString("it-IT", {
      timeZone: "Europe/Rome",
      dateStyle: "long",
    });
    c.get("session").outcome = {
      title: "Richiesta del PIN ricevuta",
      paragraphs: [
        `La prima parte del PIN (8 caratteri) arriva per ${CHANNEL_WORDS[channels.firstHalf] ?? channels.firstHalf}.`,
        result.body.deliveryProfile === "post-then-activate"
          ? `La seconda parte arriva per ${CHANNEL_WORDS[channels.secondHalf] ?? channels.secondHalf} dopo l'attivazione («Attiva PIN»).`
          : `La seconda parte arriva per ${CHANNEL_WORDS[channels.secondHalf] ?? channels.secondHalf}.`,
        `Il PIN va attivato e usato entro il ${deadline}.`,
      ],
      next:
        result.body.deliveryProfile === "post-then-activate"
          ? { href: "/attiva-pin", label: "Attiva PIN" }
          : { href: "/accedi", label: "Accedi a MyINPS" },
    };
    return c.redirect("/esito", 303);
  });
  return app;
}
