/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// "Converti PIN" (R28–R31): from an ordinary PIN to a PIN dispositivo. The personal data and contacts first (with a
// way to Modifica contatti), then the identity document, then the form to print and sign, downloaded through the
// portal, and the uploads of the signed form and the document, sent on through the identity client; then the
// request's status. The request's id stays in the session: no URL carries it, nor any token.
import type {
  DispositivoRequest,
  DispositivoRequestStatus,
  IdentityDocumentInput,
  IdentityFailure,
} from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { messageFor, type FieldErrors } from "../http/field-errors.ts";
import { echoable, readForm, type FormValues } from "../http/form.ts";
import { sessionEnded, signedIn } from "../http/signed-in.ts";
import { readFiles } from "../http/uploads.ts";
import { pageFor } from "../login/login.routes.tsx";
import { ErrorSummary, Field, Form, Radios } from "../layout/form.tsx";
import { page, statusOf } from "../layout/page.tsx";
import { documentErrors, uploadErrors } from "./document-errors.ts";

const base = "/converti-pin";
const crumbs = [
  { href: "/area-personale", label: "Area personale" },
  { href: base, label: "Converti PIN" },
];

const DOC_FIELDS = [
  "identityDocument.type",
  "identityDocument.number",
  "identityDocument.issuedBy",
  "identityDocument.issueDate",
  "identityDocument.expiryDate",
] as const;
const DOC_LABELS: Record<string, string> = {
  "identityDocument.type": "Tipo di documento",
  "identityDocument.number": "Numero del documento",
  "identityDocument.issuedBy": "Rilasciato da",
  "identityDocument.issueDate": "Data di rilascio",
  "identityDocument.expiryDate": "Data di scadenza",
};
const DOC_TYPES: Record<IdentityDocumentInput["type"], string> = {
  "carta-identita": "Carta d'identità",
  passaporto: "Passaporto",
  patente: "Patente di guida",
};
const FILE_FIELDS = ["signedForm", "identityDocument"] as const;
const FILE_LABELS: Record<string, string> = {
  signedForm: "Modulo firmato",
  identityDocument: "Documento di identità",
};
const STATUS_WORDS: Record<DispositivoRequestStatus, string> = {
  "awaiting-signed-form": "In attesa del modulo firmato",
  "under-review": "In verifica: un operatore INPS controlla il modulo e il documento",
  approved: "Approvata: il PIN è ora un PIN dispositivo",
  rejected: "Respinta",
  cancelled: "Annullata (il PIN è stato revocato)",
};
const VIA_WORDS = { upload: "caricati online", fax: "per fax", office: "presso una sede INPS" } as const;

const date = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString("it-IT", { timeZone: "Europe/Rome", dateStyle: "long" }) : "—";

export function dispositivoRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  app.use("*", signedIn());
  const opts = (c: Context<PortalEnv>) => ({ requestId: c.get("requestId") });
  const token = (c: Context<PortalEnv>) => c.get("session").identityToken ?? "";

  const failed = (c: Context<PortalEnv>, failure: IdentityFailure, title = "Converti PIN") => {
    if (failure.status === 401) return sessionEnded(c, deps);
    if (failure.problem.code === "action-required") {
      c.get("session").requiredAction = failure.problem.requiredAction ?? null;
      return c.redirect(pageFor(failure.problem.requiredAction), 303);
    }
    return page(
      c,
      { title, crumbs: [...crumbs, { label: title }] },
      <p class="field-error">{messageFor(failure)}</p>,
      statusOf(failure.status),
    );
  };

  // Step 1: who converts, and where the messages go.
  app.get("/", async (c) => {
    const [me, contacts] = await Promise.all([
      deps.identity.me(token(c), opts(c)),
      deps.identity.contacts(token(c), opts(c)),
    ]);
    if (!me.ok) return failed(c, me);
    if (!contacts.ok) return failed(c, contacts);
    const m = me.body;
    const k = contacts.body.contacts;
    const open = c.get("session").dispositivoRequestId;
    return page(
      c,
      { title: "Converti PIN", crumbs: [crumbs[0]!, { label: "Converti PIN" }] },
      <>
        <p>
          Il PIN dispositivo serve a presentare domande (NASpI, Assegno unico, …). Per convertire il PIN
          ordinario: controlli i dati e i recapiti, indichi un documento di identità, scarichi il modulo, lo
          firmi e lo carichi con la copia del documento. Un operatore INPS verifica la richiesta.
        </p>
        <h2>Dati personali</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">Nome e cognome</th>
              <td>{`${m.firstName} ${m.lastName}`}</td>
            </tr>
            <tr>
              <th scope="row">Codice fiscale</th>
              <td>{m.fiscalCode}</td>
            </tr>
            <tr>
              <th scope="row">Tipo di PIN</th>
              <td>{m.pinKind === "dispositivo" ? "PIN dispositivo" : "PIN ordinario"}</td>
            </tr>
          </tbody>
        </table>
        <h2>Recapiti</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">Email</th>
              <td>{k.email ?? "non registrata"}</td>
            </tr>
            <tr>
              <th scope="row">PEC</th>
              <td>{k.pec ?? "non registrata"}</td>
            </tr>
            <tr>
              <th scope="row">Cellulare</th>
              <td>{k.mobile ?? "non registrato"}</td>
            </tr>
          </tbody>
        </table>
        <p>
          Recapiti non aggiornati? <a href="/impostazioni/contatti">Modifica contatti</a>
        </p>
        {m.pinKind === "dispositivo" ? (
          <p class="notice">Il suo PIN è già un PIN dispositivo: non c'è nulla da convertire.</p>
        ) : open ? (
          <p>
            <a class="button" href={`${base}/richiesta`}>
              Vedi la richiesta in corso
            </a>
          </p>
        ) : (
          <p>
            <a class="button" href={`${base}/documento`}>
              Continua: documento di identità
            </a>
          </p>
        )}
      </>,
    );
  });

  // Step 2: the identity document.
  const renderDocument = (
    c: Context<PortalEnv>,
    values: FormValues,
    errors: FieldErrors,
    status?: Parameters<typeof page>[3],
  ) =>
    page(
      c,
      { title: "Documento di identità", crumbs: [...crumbs, { label: "Documento di identità" }] },
      <>
        <p>
          Indichi un documento di identità valido: lo stesso di cui caricherà la copia insieme al modulo
          firmato.
        </p>
        <ErrorSummary errors={errors} labels={DOC_LABELS} />
        <Form action={`${base}/documento`} csrfToken={c.get("session").csrfToken} submit="Prosegui">
          <Radios
            name="identityDocument.type"
            legend="Tipo di documento"
            value={values["identityDocument.type"]}
            errors={errors}
            choices={Object.entries(DOC_TYPES).map(([value, label]) => ({ value, label }))}
          />
          <Field
            name="identityDocument.number"
            label="Numero del documento"
            hint="Ad esempio CA12345AB (carta d'identità elettronica), YA1234567 (passaporto), RM1234567X (patente)"
            value={values["identityDocument.number"]}
            errors={errors}
            maxlength={20}
          />
          <Field
            name="identityDocument.issuedBy"
            label="Rilasciato da"
            hint="Ad esempio Comune di Roma, Questura di Milano, Motorizzazione"
            value={values["identityDocument.issuedBy"]}
            errors={errors}
            maxlength={100}
          />
          <Field
            name="identityDocument.issueDate"
            label="Data di rilascio"
            type="date"
            value={values["identityDocument.issueDate"]}
            errors={errors}
          />
          <Field
            name="identityDocument.expiryDate"
            label="Data di scadenza"
            type="date"
            value={values["identityDocument.expiryDate"]}
            errors={errors}
          />
        </Form>
      </>,
      status,
    );

  app.get("/documento", (c) =>
    c.get("session").dispositivoRequestId ? c.redirect(`${base}/richiesta`, 303) : renderDocument(c, {}, {}),
  );
  app.post("/documento", async (c) => {
    const v = await readForm(c, DOC_FIELDS);
    const doc = {
      type: v["identityDocument.type"] as IdentityDocumentInput["type"],
      number: v["identityDocument.number"] ?? "",
      issuedBy: v["identityDocument.issuedBy"] ?? "",
      issueDate: v["identityDocument.issueDate"] ?? "",
      expiryDate: v["identityDocument.expiryDate"] ?? "",
    };
    const result = await deps.identity.requestDispositivo(token(c), doc, opts(c));
    if (!result.ok) {
      if (result.status === 401 || result.problem.code === "action-required") return failed(c, result);
      const open = result.problem.dispositivoRequestId;
      if (result.problem.code === "dispositivo-request-open" && typeof open === "string") {
        c.get("session").dispositivoRequestId = open;
        return c.redirect(`${base}/richiesta`, 303);
      }
      return renderDocument(
        c,
        echoable(v),
        documentErrors(result, DOC_FIELDS, DOC_LABELS),
        statusOf(result.status),
      );
    }
    c.get("session").dispositivoRequestId = result.body.requestId;
    return c.redirect(`${base}/richiesta`, 303);
  });

  // Step 3: the request, its form and the uploads.
  const renderRequest = (
    c: Context<PortalEnv>,
    request: DispositivoRequest,
    errors: FieldErrors,
    status?: Parameters<typeof page>[3],
  ) =>
    page(
      c,
      { title: "La sua richiesta di PIN dispositivo", crumbs: [...crumbs, { label: "Richiesta" }] },
      <>
        <table>
          <tbody>
            <tr>
              <th scope="row">Numero della richiesta</th>
              <td>{request.requestId}</td>
            </tr>
            <tr>
              <th scope="row">Stato</th>
              <td>
                <strong>{STATUS_WORDS[request.status]}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">Presentata il</th>
              <td>{date(request.createdAt)}</td>
            </tr>
            <tr>
              <th scope="row">Documento</th>
              <td>{`${DOC_TYPES[request.identityDocument.type]} n. ${request.identityDocument.number}, rilasciato da ${request.identityDocument.issuedBy}, scade il ${date(request.identityDocument.expiryDate)}`}</td>
            </tr>
            {request.deliveredVia ? (
              <tr>
                <th scope="row">Modulo firmato</th>
                <td>{`Ricevuto: ${VIA_WORDS[request.deliveredVia]}`}</td>
              </tr>
            ) : null}
            {request.decidedAt ? (
              <tr>
                <th scope="row">Decisa il</th>
                <td>{`${date(request.decidedAt)}${request.reason ? `: ${request.reason}` : ""}`}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        {request.status === "awaiting-signed-form" ? (
          <>
            <h2>1. Scarichi il modulo e lo firmi</h2>
            <p>
              <a class="button secondary" href={`${base}/modulo.pdf`} download="modulo-pin-dispositivo.pdf">
                Scarica il modulo (PDF)
              </a>
            </p>
            <p class="hint">
              In alternativa il modulo firmato si può inviare per fax o consegnare a una sede INPS.
            </p>
            <h2>2. Carichi il modulo firmato e il documento</h2>
            <ErrorSummary errors={errors} labels={FILE_LABELS} />
            <Form
              action={`${base}/documenti`}
              csrfToken={c.get("session").csrfToken}
              submit="Invia i documenti"
              multipart
            >
              <Field
                name="signedForm"
                label="Modulo firmato"
                hint="PDF, PNG o JPEG, al massimo 5 MB"
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                errors={errors}
              />
              <Field
                name="identityDocument"
                label="Documento di identità"
                hint="Fronte e retro in un PDF, PNG o JPEG, al massimo 5 MB"
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                errors={errors}
              />
            </Form>
          </>
        ) : null}
        <p>
          <a href="/area-personale">Torna all'area personale</a>
        </p>
      </>,
      status,
    );

  const current = async (c: Context<PortalEnv>) => {
    const id = c.get("session").dispositivoRequestId;
    return id === undefined ? undefined : deps.identity.dispositivoRequest(token(c), id, opts(c));
  };

  app.get("/richiesta", async (c) => {
    const result = await current(c);
    if (!result) return c.redirect(base, 303);
    if (!result.ok) return failed(c, result, "Richiesta");
    return renderRequest(c, result.body, {});
  });

  // The form is fetched with the session's identity token and streamed back: the browser never sees the token.
  app.get("/modulo.pdf", async (c) => {
    const id = c.get("session").dispositivoRequestId;
    if (id === undefined) return c.redirect(base, 303);
    const pdf = await deps.identity.dispositivoForm(token(c), id, opts(c));
    if (!pdf.ok) return failed(c, pdf, "Modulo");
    return c.body(pdf.body.slice().buffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="modulo-pin-dispositivo.pdf"',
      "cache-control": "no-store",
    });
  });

  app.post("/documenti", async (c) => {
    const id = c.get("session").dispositivoRequestId;
    if (id === undefined) return c.redirect(base, 303);
    const files = await readFiles(c, FILE_FIELDS);
    const missing: FieldErrors = {};
    for (const field of FILE_FIELDS)
      if (!files[field]) missing[field] = [`${FILE_LABELS[field] ?? field}: scelga il file da caricare.`];
    if (Object.keys(missing).length) {
      const request = await current(c);
      if (!request?.ok) return request ? failed(c, request) : c.redirect(base, 303);
      return renderRequest(c, request.body, missing, 400);
    }
    const result = await deps.identity.uploadDispositivoDocuments(token(c), id, files, opts(c));
    if (!result.ok) {
      if (result.status === 401 || result.problem.code === "action-required") return failed(c, result);
      const request = await current(c);
      if (!request?.ok) return request ? failed(c, request) : c.redirect(base, 303);
      const sizes = Object.fromEntries(FILE_FIELDS.map((f) => [f, files[f]?.bytes.length ?? 0]));
      const errors = uploadErrors(result, sizes);
      return renderRequest(c, request.body, errors, statusOf(result.status));
    }
    c.get("session").outcome = {
      title: "Documenti ricevuti",
      paragraphs: [
        "Il modulo firmato e il documento sono stati ricevuti. Un operatore INPS verificherà la richiesta.",
      ],
      next: { href: `${base}/richiesta`, label: "Vedi lo stato della richiesta" },
    };
    return c.redirect("/esito", 303);
  });
  return app;
}
