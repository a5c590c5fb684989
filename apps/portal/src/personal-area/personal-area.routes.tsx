/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The personal area (R27, R32): who is signed in, the consultation services with their documents, and
// Impostazioni → Sicurezza, where the PIN is changed.
import type { IdentityFailure } from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { messageFor } from "../http/field-errors.ts";
import { sessionEnded, signedIn } from "../http/signed-in.ts";
import { pageFor } from "../login/login.routes.tsx";
import { page, statusOf } from "../layout/page.tsx";

/** The consultation services an ordinary PIN opens, by the portal's path and the API's name. */
const DOCUMENTS = {
  "estratto-conto-contributivo": { service: "contribution-statement", title: "Estratto conto contributivo" },
  "cedolino-pensione": { service: "pension-slip", title: "Cedolino pensione" },
} as const;

const documentSchema = z.object({
  title: z.string(),
  holder: z.string(),
  fiscalCode: z.string(),
  issuedAt: z.string(),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
});

const date = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString("it-IT", { timeZone: "Europe/Rome", dateStyle: "long" }) : "—";

const PIN_KIND = {
  ordinary: "PIN ordinario (consultazione)",
  dispositivo: "PIN dispositivo (consultazione e domande)",
} as const;

function failed(c: Context<PortalEnv>, deps: PortalDeps, failure: IdentityFailure, title: string) {
  if (failure.status === 401) return sessionEnded(c, deps);
  if (failure.problem.code === "action-required") {
    c.get("session").requiredAction = failure.problem.requiredAction ?? null;
    return c.redirect(pageFor(failure.problem.requiredAction), 303);
  }
  return page(
    c,
    { title, crumbs: [{ label: title }] },
    <p class="field-error">{messageFor(failure)}</p>,
    statusOf(failure.status),
  );
}

export function personalAreaRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const areaCrumb = { href: "/area-personale", label: "Area personale" };

  app.use("/area-personale", signedIn());
  app.use("/area-personale/*", signedIn());
  app.use("/impostazioni", signedIn());
  app.use("/impostazioni/sicurezza", signedIn());

  app.get("/area-personale", async (c) => {
    const me = await deps.identity.me(c.get("session").identityToken ?? "", {
      requestId: c.get("requestId"),
    });
    if (!me.ok) return failed(c, deps, me, "Area personale");
    const m = me.body;
    return page(
      c,
      { title: "Area personale", crumbs: [{ label: "Area personale" }] },
      <>
        <p class="lead">{`Benvenuto, ${m.firstName} ${m.lastName}`}</p>
        <table>
          <tbody>
            <tr>
              <th scope="row">Codice fiscale</th>
              <td>{m.fiscalCode}</td>
            </tr>
            <tr>
              <th scope="row">Tipo di PIN</th>
              <td>{PIN_KIND[m.pinKind]}</td>
            </tr>
            <tr>
              <th scope="row">Il PIN scade il</th>
              <td>{date(m.pinExpiresAt)}</td>
            </tr>
          </tbody>
        </table>
        <h2>I tuoi servizi</h2>
        <ul class="cards">
          {Object.entries(DOCUMENTS).map(([slug, d]) => (
            <li>
              <h3>
                <a href={`/area-personale/documenti/${slug}`}>{d.title}</a>
              </h3>
              <p>Consultazione: basta il PIN ordinario.</p>
            </li>
          ))}
          <li>
            <h3>Domande di prestazione</h3>
            <p>
              NASpI, Assegno unico, assegni familiari: per presentare una domanda serve il PIN dispositivo (o
              SPID di livello 2 o superiore).
            </p>
            {m.pinKind === "ordinary" ? (
              <p>
                <a href="/converti-pin">Converti PIN</a> in PIN dispositivo.
              </p>
            ) : null}
          </li>
        </ul>
        <p>
          <a href="/impostazioni/sicurezza">Impostazioni → Sicurezza</a>: cambia il PIN, modifica i contatti,
          revoca il PIN.
        </p>
      </>,
    );
  });

  app.get("/area-personale/documenti/:slug", async (c) => {
    const doc = DOCUMENTS[c.req.param("slug") as keyof typeof DOCUMENTS] as
      (typeof DOCUMENTS)[keyof typeof DOCUMENTS] | undefined;
    if (!doc) return c.notFound();
    const result = await deps.identity.consultService(c.get("session").identityToken ?? "", doc.service, {
      requestId: c.get("requestId"),
    });
    if (!result.ok) return failed(c, deps, result, doc.title);
    const parsed = documentSchema.safeParse(result.body);
    if (!parsed.success) {
      return page(
        c,
        { title: doc.title, crumbs: [areaCrumb, { label: doc.title }] },
        <p>Il documento non è disponibile in questo momento.</p>,
        503,
      );
    }
    const d = parsed.data;
    return page(
      c,
      { title: d.title, crumbs: [areaCrumb, { label: d.title }] },
      <>
        <p>{`Intestato a ${d.holder} (${d.fiscalCode}), emesso il ${date(d.issuedAt)}. Documento simulato.`}</p>
        <table>
          <tbody>
            {d.lines.map((l) => (
              <tr>
                <th scope="row">{l.label}</th>
                <td>{l.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    );
  });

  app.get("/impostazioni", (c) => c.redirect("/impostazioni/sicurezza", 303));
  app.get("/impostazioni/sicurezza", async (c) => {
    const me = await deps.identity.me(c.get("session").identityToken ?? "", {
      requestId: c.get("requestId"),
    });
    if (!me.ok) return failed(c, deps, me, "Sicurezza");
    return page(
      c,
      {
        title: "Sicurezza",
        crumbs: [
          areaCrumb,
          { href: "/impostazioni/sicurezza", label: "Impostazioni" },
          { label: "Sicurezza" },
        ],
      },
      <>
        <table>
          <tbody>
            <tr>
              <th scope="row">Ultima modifica del PIN</th>
              <td>{date(me.body.pinChangedAt)}</td>
            </tr>
            <tr>
              <th scope="row">Scadenza del PIN</th>
              <td>{date(me.body.pinExpiresAt)}</td>
            </tr>
          </tbody>
        </table>
        <p>
          Il PIN va rinnovato ogni 180 giorni. La modifica si conferma con un codice inviato all'email o al
          cellulare registrati.
        </p>
        <p>
          <a class="button" href="/impostazioni/sicurezza/cambia-pin">
            Cambia PIN
          </a>
        </p>
        <h2>Altre impostazioni del PIN</h2>
        <ul>
          <li>
            <a href="/impostazioni/contatti">Modifica contatti</a>: email, PEC e cellulare su cui arrivano
            codici e comunicazioni.
          </li>
          <li>
            <a href="/converti-pin">Converti PIN</a>: da PIN ordinario a PIN dispositivo, per presentare
            domande.
          </li>
          <li>
            <a href="/revoca-pin">Revoca PIN</a>: disattiva subito il PIN.
          </li>
        </ul>
      </>,
    );
  });
  return app;
}
