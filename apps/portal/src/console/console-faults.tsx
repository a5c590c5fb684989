/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's faults: for each gateway, the fault in force and a form to set or clear it (docs/control-plane.md).
// The gateways are found through the identity service's GET /__sim/stack.
import type {
  ControlPlaneClient,
  HttpFault,
  HttpFaultsView,
  IdentityFailure,
  IdentityResult,
  SmtpFault,
  SmtpFaultsView,
  StackServices,
} from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { FORM, type FieldErrors } from "../http/field-errors.ts";
import { readForm, type FormValues } from "../http/form.ts";
import { ErrorSummary, Field, Form, Radios } from "../layout/form.tsx";
import { statusOf } from "../layout/page.tsx";
import { CONSOLE, consolePage, controlFailed } from "./console-page.tsx";

const GATEWAYS = {
  sms: { label: "Gateway SMS", what: "l'API con cui l'identità invia gli SMS" },
  postal: { label: "Gateway postale", what: "l'API con cui l'identità spedisce le lettere" },
  smtp: { label: "Email: server SMTP", what: "il server a cui l'identità consegna le email e le PEC" },
  mail: { label: "Email: API di lettura (Mailpit)", what: "l'API con cui si leggono le email ricevute" },
} as const;
type Gateway = keyof typeof GATEWAYS;
const isGateway = (g: string): g is Gateway => g in GATEWAYS;

const HTTP_FIELDS = ["mode", "status", "count", "probability"] as const;
const SMTP_FIELDS = ["stage", "code", "count", "probability"] as const;
const LABELS: Record<string, string> = {
  mode: "Tipo di guasto",
  status: "Stato HTTP",
  stage: "Fase SMTP",
  code: "Codice di risposta SMTP",
  count: "Quante richieste",
  probability: "Probabilità",
};

function baseOf(stack: StackServices, gateway: Gateway): string {
  const s = stack.services;
  return gateway === "sms" ? s.sms : gateway === "postal" ? s.postal : s.mail.http;
}

/** A number field: "" is "not given"; anything else must be a number in range, or it is an error beside the field. */
function numberOf(
  values: FormValues,
  name: string,
  min: number,
  max: number,
  errors: FieldErrors,
  integer = true,
): number | undefined {
  const raw = (values[name] ?? "").replace(",", ".");
  if (raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    (errors[name] ??= []).push(
      `${LABELS[name] ?? name}: deve essere un numero${integer ? " intero" : ""} tra ${min} e ${max}.`,
    );
    return undefined;
  }
  return n;
}

function describe(view: HttpFaultsView | SmtpFaultsView | undefined): string {
  if (!view) return "non raggiungibile";
  if ("faults" in view) {
    if (!view.faults.length) return "nessun guasto";
    return view.faults
      .map(
        (f) =>
          `fase ${f.stage}, risposta ${f.code ?? 421}${f.remaining === null ? "" : `, ancora ${f.remaining} volte`}, colpito ${f.hits} volte`,
      )
      .join("; ");
  }
  const a = view.active;
  if (!a) return "nessun guasto";
  const mode =
    a.mode === "error"
      ? `errore HTTP ${a.status ?? 503}`
      : a.mode === "timeout"
        ? "nessuna risposta"
        : "accetta e non consegna";
  const prob = a.probability === undefined ? "" : `, probabilità ${a.probability}`;
  return `${mode}${view.remaining === null ? "" : `, ancora ${view.remaining} richieste`}${prob}; ha colpito ${view.hits} volte`;
}

export function consoleFaultsRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const admin = (c: Context<PortalEnv>) => c.get("session").adminToken ?? "";
  const opts = (c: Context<PortalEnv>) => ({ requestId: c.get("requestId") });

  const clientFor = async (
    c: Context<PortalEnv>,
    gateway: Gateway,
  ): Promise<IdentityResult<ControlPlaneClient>> => {
    const stack = await deps.console.control(deps.console.identityUrl, admin(c)).stack(opts(c));
    if (!stack.ok) return stack;
    return { ...stack, body: deps.console.control(baseOf(stack.body, gateway), admin(c)) };
  };

  const render = async (
    c: Context<PortalEnv>,
    errorsOf: Partial<Record<Gateway, FieldErrors>>,
    status?: 400 | 409 | 503,
  ) => {
    const stack = await deps.console.control(deps.console.identityUrl, admin(c)).stack(opts(c));
    if (!stack.ok) return controlFailed(c, stack, "Guasti dei gateway");
    const views = await Promise.all(
      (Object.keys(GATEWAYS) as Gateway[]).map(async (g) => {
        const client = deps.console.control(baseOf(stack.body, g), admin(c));
        const view = await (g === "smtp" ? client.smtpFaults(opts(c)) : client.faults(opts(c))).catch(
          () => undefined,
        );
        return [g, view?.ok ? view.body : undefined] as const;
      }),
    );
    const csrfToken = c.get("session").csrfToken;
    return consolePage(
      c,
      "Guasti dei gateway",
      <>
        <p>
          Un guasto colpisce solo le richieste all'API del gateway (e, per l'email, i comandi SMTP). I
          messaggi non consegnati restano nell'outbox e si ritentano.
        </p>
        {views.map(([g, view]) => {
          const errors = Object.fromEntries(
            Object.entries(errorsOf[g] ?? {}).map(([k, v]) => [`${g}.${k}`, v]),
          ) as FieldErrors;
          const labels = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [`${g}.${k}`, v]));
          const active = view && ("faults" in view ? view.faults.length > 0 : view.active !== null);
          return (
            <section aria-labelledby={`guasto-${g}`}>
              <h2 id={`guasto-${g}`}>{GATEWAYS[g].label}</h2>
              <p>
                {`Riguarda ${GATEWAYS[g].what}. Stato: `}
                <strong>{describe(view)}</strong>
              </p>
              <ErrorSummary errors={errors} labels={labels} />
              <Form
                action={`${CONSOLE}/guasti/${g}`}
                csrfToken={csrfToken}
                submit={`Imposta il guasto: ${GATEWAYS[g].label}`}
              >
                {g === "smtp" ? (
                  <>
                    <Radios
                      name="smtp.stage"
                      legend="Fase SMTP"
                      value="MAIL"
                      errors={errors}
                      choices={[
                        { value: "MAIL", label: "MAIL FROM (tutto il messaggio)" },
                        { value: "RCPT", label: "RCPT TO (un destinatario)" },
                        { value: "DATA", label: "DATA (dopo il contenuto)" },
                      ]}
                    />
                    <Field
                      name="smtp.code"
                      label="Codice di risposta SMTP"
                      hint="421 o 451: temporaneo, si ritenta; 550: definitivo"
                      value="421"
                      errors={errors}
                      inputmode="numeric"
                      maxlength={3}
                    />
                  </>
                ) : (
                  <>
                    <Radios
                      name={`${g}.mode`}
                      legend="Tipo di guasto"
                      value="error"
                      errors={errors}
                      choices={[
                        { value: "error", label: "Errore HTTP", hint: "Risponde con lo stato indicato" },
                        {
                          value: "timeout",
                          label: "Nessuna risposta",
                          hint: "La richiesta resta appesa finché il guasto non è tolto",
                        },
                        {
                          value: "drop",
                          label: "Accetta e non consegna",
                          hint: "Risponde bene, ma il messaggio si perde",
                        },
                      ]}
                    />
                    <Field
                      name={`${g}.status`}
                      label="Stato HTTP"
                      hint="Per l'errore HTTP; se vuoto 503"
                      errors={errors}
                      inputmode="numeric"
                      maxlength={3}
                    />
                  </>
                )}
                <Field
                  name={`${g}.count`}
                  label="Quante richieste"
                  hint="Vuoto: tutte, finché il guasto non è tolto"
                  errors={errors}
                  inputmode="numeric"
                  maxlength={6}
                />
                <Field
                  name={`${g}.probability`}
                  label="Probabilità"
                  hint="Tra 0 e 1, ad esempio 0.5; vuoto: ogni richiesta"
                  errors={errors}
                  maxlength={6}
                />
              </Form>
              {active ? (
                <Form
                  action={`${CONSOLE}/guasti/${g}/rimuovi`}
                  csrfToken={csrfToken}
                  submit={`Rimuovi il guasto: ${GATEWAYS[g].label}`}
                  secondary
                />
              ) : null}
            </section>
          );
        })}
      </>,
      status,
    );
  };

  const refused = (c: Context<PortalEnv>, gateway: Gateway, failure: IdentityFailure) => {
    if (failure.status === 401 || failure.status === 403)
      return controlFailed(c, failure, "Guasti dei gateway");
    const errors: FieldErrors = {};
    for (const e of failure.problem.errors ?? [])
      (errors[e.path in LABELS ? e.path : FORM] ??= []).push(e.message);
    if (!Object.keys(errors).length)
      errors[FORM] = [`Il gateway ha risposto ${failure.status} (${failure.problem.code}).`];
    return render(c, { [gateway]: errors }, statusOf(failure.status) === 409 ? 409 : 400);
  };

  app.get("/", (c) => render(c, {}));
  app.post("/:gateway", async (c) => {
    const gateway = c.req.param("gateway");
    if (!isGateway(gateway)) return c.notFound();
    const fields = (gateway === "smtp" ? SMTP_FIELDS : HTTP_FIELDS).map((f) => `${gateway}.${f}`);
    const raw = await readForm(c, fields);
    const v = Object.fromEntries(Object.entries(raw).map(([k, val]) => [k.slice(gateway.length + 1), val]));
    const errors: FieldErrors = {};
    const count = numberOf(v, "count", 1, 100_000, errors);
    const probability = numberOf(v, "probability", 0, 1, errors, false);
    const extra = {
      ...(count === undefined ? {} : { count }),
      ...(probability === undefined ? {} : { probability }),
    };
    let spec: HttpFault | SmtpFault;
    if (gateway === "smtp") {
      const stage = v.stage;
      if (stage !== "MAIL" && stage !== "RCPT" && stage !== "DATA")
        (errors.stage ??= []).push("Fase SMTP: scelga una fase.");
      const code = numberOf(v, "code", 400, 599, errors);
      spec = {
        stage: stage === "RCPT" || stage === "DATA" ? stage : "MAIL",
        ...(code === undefined ? {} : { code }),
        ...extra,
      };
    } else {
      const mode = v.mode;
      if (mode !== "error" && mode !== "timeout" && mode !== "drop")
        (errors.mode ??= []).push("Tipo di guasto: scelga un tipo.");
      const status = numberOf(v, "status", 400, 599, errors);
      spec = {
        mode: mode === "timeout" || mode === "drop" ? mode : "error",
        ...(status === undefined ? {} : { status }),
        ...extra,
      };
    }
    if (Object.keys(errors).length) return render(c, { [gateway]: errors }, 400);
    const client = await clientFor(c, gateway);
    if (!client.ok) return controlFailed(c, client, "Guasti dei gateway");
    const set =
      "stage" in spec
        ? await client.body.setSmtpFault(spec, opts(c))
        : await client.body.setFault(spec, opts(c));
    if (!set.ok) return refused(c, gateway, set);
    c.get("session").consoleNotice = `Guasto impostato: ${GATEWAYS[gateway].label}.`;
    return c.redirect(`${CONSOLE}/guasti`, 303);
  });
  app.post("/:gateway/rimuovi", async (c) => {
    const gateway = c.req.param("gateway");
    if (!isGateway(gateway)) return c.notFound();
    const client = await clientFor(c, gateway);
    if (!client.ok) return controlFailed(c, client, "Guasti dei gateway");
    const cleared =
      gateway === "smtp" ? await client.body.clearSmtpFault(opts(c)) : await client.body.clearFault(opts(c));
    if (!cleared.ok) return refused(c, gateway, cleared);
    c.get("session").consoleNotice = `Guasto rimosso: ${GATEWAYS[gateway].label}.`;
    return c.redirect(`${CONSOLE}/guasti`, 303);
  });
  return app;
}
