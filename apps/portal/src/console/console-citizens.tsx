/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's citizens: one created with a click (a valid persona, its fiscal code computed by the identity
// service, a PIN shown once on the answer to that click), each citizen's data, timeline and messages, and links to
// its SMS, email and letters in the gateways' own inbox pages.
import { randomBytes } from "node:crypto";
import type { IdentityClient, OutboxEntry, StackServices, TimelineEvent } from "@inps-sim/clients";
import { generateSystemPin, randomHealthCard, randomPersona } from "@inps-sim/domain";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { fieldErrorsOf, type FieldErrors } from "../http/field-errors.ts";
import { readForm } from "../http/form.ts";
import type { ConsoleCitizen } from "../http/session-store.ts";
import { ErrorSummary, Field, Form } from "../layout/form.tsx";
import { CONSOLE, consolePage, controlFailed, dateTime } from "./console-page.tsx";
import { OutboxTable } from "./console-outbox.tsx";

const cryptoRandom = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };
const FISCAL_CODE = /^[A-Z0-9]{16}$/;
/** How many citizens the console remembers per session. */
const KEEP = 20;

/** The gateways' inbox pages, filtered to one citizen where the page can be. */
export function inboxLinks(
  stack: StackServices,
  citizen: Pick<ConsoleCitizen, "email" | "mobile" | "firstName" | "lastName"> | undefined,
) {
  const s = stack.services;
  return [
    {
      label: "SMS",
      href: citizen ? `${s.sms}/inbox?to=${encodeURIComponent(citizen.mobile)}` : `${s.sms}/inbox`,
    },
    {
      label: "Email e PEC",
      href: citizen ? `${s.mail.http}/?q=${encodeURIComponent(`to:${citizen.email}`)}` : `${s.mail.http}/`,
    },
    {
      label: "Lettere",
      href: citizen
        ? `${s.postal}/mailbox?name=${encodeURIComponent(`${citizen.firstName} ${citizen.lastName}`)}`
        : `${s.postal}/mailbox`,
    },
  ];
}

function eventData(event: TimelineEvent): string {
  return Object.entries(event.data)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

export function consoleCitizensRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const admin = (c: Context<PortalEnv>) => c.get("session").adminToken ?? "";
  const opts = (c: Context<PortalEnv>) => ({ requestId: c.get("requestId") });
  const identity = (c: Context<PortalEnv>): IdentityClient => deps.console.identity(admin(c));
  const crumbs = [{ href: `${CONSOLE}/cittadini`, label: "Cittadini" }];

  const renderList = (
    c: Context<PortalEnv>,
    errors: FieldErrors,
    value: string,
    status?: 400 | 404 | 409,
  ) => {
    const known = c.get("session").consoleCitizens ?? [];
    const csrfToken = c.get("session").csrfToken;
    return consolePage(
      c,
      "Cittadini",
      <>
        <p>
          Un cittadino creato qui ha un PIN attivo, email e cellulare, la residenza e la tessera sanitaria:
          pronto per accedere, cambiare il PIN, revocarlo.
        </p>
        <Form action={`${CONSOLE}/cittadini`} csrfToken={csrfToken} submit="Crea un cittadino" />
        <h2>Creati in questa sessione</h2>
        {known.length ? (
          <ul>
            {known.map((k) => (
              <li>
                <a
                  href={`${CONSOLE}/cittadini/${k.fiscalCode}`}
                >{`${k.firstName} ${k.lastName} (${k.fiscalCode})`}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>Nessuno.</p>
        )}
        <h2>Cerca un cittadino</h2>
        <ErrorSummary errors={errors} labels={{ fiscalCode: "Codice fiscale" }} />
        <Form action={`${CONSOLE}/cittadini/cerca`} csrfToken={csrfToken} submit="Mostra la cronologia">
          <Field name="fiscalCode" label="Codice fiscale" value={value} errors={errors} maxlength={16} />
        </Form>
      </>,
      status,
    );
  };

  app.get("/", (c) => renderList(c, {}, ""));

  app.post("/cerca", async (c) => {
    const v = await readForm(c, ["fiscalCode"]);
    const fiscalCode = (v.fiscalCode ?? "").toUpperCase();
    if (!FISCAL_CODE.test(fiscalCode))
      return renderList(
        c,
        { fiscalCode: ["Codice fiscale: deve avere 16 lettere e cifre."] },
        v.fiscalCode ?? "",
        400,
      );
    return c.redirect(`${CONSOLE}/cittadini/${fiscalCode}`, 303);
  });

  app.post("/", async (c) => {
    const clock = await deps.console.control(deps.console.identityUrl, admin(c)).clock(opts(c));
    if (!clock.ok) return controlFailed(c, clock, "Cittadini");
    const now = new Date(clock.body.now);
    const persona = randomPersona(cryptoRandom);
    const healthCard = randomHealthCard(cryptoRandom, new Date(now.getTime() + 400 * 86_400_000));
    const pin = generateSystemPin(cryptoRandom, {
      fiscalCode: persona.fiscalCode,
      firstName: persona.firstName,
      lastName: persona.lastName,
      birthDate: persona.birthDate,
    });
    const created = await identity(c).simCreateCitizen(
      {
        fiscalCode: persona.fiscalCode,
        firstName: persona.firstName,
        lastName: persona.lastName,
        gender: persona.gender,
        birthDate: persona.birthDate,
        birthPlace: persona.birthPlace,
        residence: persona.residence,
        contacts: { email: persona.email, mobile: persona.mobile },
        healthCard,
        pin,
      },
      opts(c),
    );
    if (!created.ok) {
      if (created.status === 401 || created.status === 403) return controlFailed(c, created, "Cittadini");
      return renderList(c, fieldErrorsOf(created, ["fiscalCode"]), "", created.status === 409 ? 409 : 400);
    }
    const citizen: ConsoleCitizen = {
      fiscalCode: created.body.fiscalCode,
      firstName: persona.firstName,
      lastName: persona.lastName,
      birthDate: persona.birthDate,
      email: persona.email,
      mobile: persona.mobile,
      residence: `${persona.residence.street}, ${persona.residence.postalCode} ${persona.residence.city} (${persona.residence.province})`,
      healthCard,
    };
    const session = c.get("session");
    session.consoleCitizens = [citizen, ...(session.consoleCitizens ?? [])].slice(0, KEEP);
    // The PIN is on this answer only (as the generated-PIN page does): the citizen's page never shows it again.
    return consolePage(
      c,
      "Cittadino creato",
      <>
        <CitizenData citizen={citizen} />
        <p>Il PIN del cittadino, mostrato solo ora: lo annoti per accedere come questo cittadino.</p>
        <p class="generated-pin" aria-label="PIN del cittadino">
          {pin}
        </p>
        <p>
          <a href={`${CONSOLE}/cittadini/${citizen.fiscalCode}`}>Dati, cronologia e messaggi del cittadino</a>{" "}
          · <a href="/accedi">Accedi a MyINPS come questo cittadino</a>
        </p>
      </>,
      200,
      crumbs,
    );
  });

  app.get("/:fiscalCode", async (c) => {
    const fiscalCode = c.req.param("fiscalCode");
    if (!FISCAL_CODE.test(fiscalCode)) return c.notFound();
    const citizen = c.get("session").consoleCitizens?.find((k) => k.fiscalCode === fiscalCode);
    const [stack, events, outbox] = await Promise.all([
      deps.console.control(deps.console.identityUrl, admin(c)).stack(opts(c)),
      identity(c).simEvents(fiscalCode, opts(c)),
      identity(c).simOutbox({ fiscalCode }, opts(c)),
    ]);
    if (!stack.ok) return controlFailed(c, stack, fiscalCode);
    if (!outbox.ok) return controlFailed(c, outbox, fiscalCode);
    if (!events.ok && events.status !== 404) return controlFailed(c, events, fiscalCode);
    const timeline = events.ok ? events.body.events : [];
    const messages: OutboxEntry[] = outbox.body.messages;
    return consolePage(
      c,
      citizen ? `${citizen.firstName} ${citizen.lastName}` : fiscalCode,
      <>
        {citizen ? (
          <CitizenData citizen={citizen} />
        ) : (
          <p>{`Codice fiscale ${fiscalCode}: un cittadino non creato da questa sessione della console, di cui si vedono la cronologia e i messaggi.`}</p>
        )}
        <h2>Messaggi ricevuti, nei gateway</h2>
        <ul>
          {inboxLinks(stack.body, citizen).map((l) => (
            <li>
              <a href={l.href} rel="noreferrer">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
        <h2>Cronologia</h2>
        {timeline.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Evento</th>
                <th scope="col">Dettagli</th>
              </tr>
            </thead>
            <tbody>
              {timeline.map((e) => (
                <tr>
                  <td>{dateTime(e.at)}</td>
                  <td>{e.type}</td>
                  <td>{eventData(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Nessun evento per questo codice fiscale.</p>
        )}
        <h2>Messaggi nell'outbox</h2>
        <OutboxTable messages={messages} withFiscalCode={false} />
      </>,
      200,
      crumbs,
    );
  });
  return app;
}

function CitizenData({ citizen }: { citizen: ConsoleCitizen }) {
  const rows: [string, string][] = [
    ["Codice fiscale", citizen.fiscalCode],
    ["Nome e cognome", `${citizen.firstName} ${citizen.lastName}`],
    ["Data di nascita", citizen.birthDate],
    ["Residenza", citizen.residence],
    ["Email", citizen.email],
    ["Cellulare", citizen.mobile],
    ["Tessera sanitaria", `${citizen.healthCard.number}, scade il ${citizen.healthCard.expiryDate}`],
  ];
  return (
    <table>
      <tbody>
        {rows.map(([k, v]) => (
          <tr>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
