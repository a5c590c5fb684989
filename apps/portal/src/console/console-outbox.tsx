/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's outbox: every message the identity service has to send, pending, sent or given up (dead), without
// its content; and a button that delivers now whatever is due.
import type { OutboxEntry } from "@inps-sim/clients";
import { Hono, type Context } from "hono";
import type { PortalDeps, PortalEnv } from "../http/env.ts";
import { Form } from "../layout/form.tsx";
import { CONSOLE, consolePage, controlFailed, dateTime } from "./console-page.tsx";

const STATUS_WORDS: Record<OutboxEntry["status"], string> = {
  pending: "in attesa",
  sent: "inviato",
  dead: "non consegnato (abbandonato)",
};
const CHANNEL_WORDS: Record<string, string> = { sms: "SMS", email: "Email", pec: "PEC", letter: "Lettera" };

export function OutboxTable({
  messages,
  withFiscalCode,
}: {
  messages: OutboxEntry[];
  withFiscalCode: boolean;
}) {
  if (!messages.length) return <p>Nessun messaggio.</p>;
  return (
    <table class="wide">
      <thead>
        <tr>
          <th scope="col">Creato</th>
          {withFiscalCode ? <th scope="col">Codice fiscale</th> : null}
          <th scope="col">Canale</th>
          <th scope="col">Scopo</th>
          <th scope="col">Destinatario</th>
          <th scope="col">Stato</th>
          <th scope="col">Tentativi</th>
          <th scope="col">Ultimo errore</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr>
            <td>{dateTime(m.createdAt)}</td>
            {withFiscalCode ? (
              <td>
                <a href={`${CONSOLE}/cittadini/${m.fiscalCode}`}>{m.fiscalCode}</a>
              </td>
            ) : null}
            <td>{CHANNEL_WORDS[m.channel] ?? m.channel}</td>
            <td>{m.purpose}</td>
            <td>{m.destination}</td>
            <td>{`${STATUS_WORDS[m.status]}${m.status === "pending" && m.nextAttemptAt ? `, prossimo tentativo ${dateTime(m.nextAttemptAt)}` : ""}${m.sentAt ? `, ${dateTime(m.sentAt)}` : ""}`}</td>
            <td>{m.attempts}</td>
            <td>{m.lastError ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function consoleOutboxRoutes(deps: PortalDeps): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const identity = (c: Context<PortalEnv>) => deps.console.identity(c.get("session").adminToken ?? "");
  const opts = (c: Context<PortalEnv>) => ({ requestId: c.get("requestId") });

  app.get("/", async (c) => {
    const outbox = await identity(c).simOutbox({}, opts(c));
    if (!outbox.ok) return controlFailed(c, outbox, "Outbox");
    const all = outbox.body.messages;
    const count = (s: OutboxEntry["status"]) => all.filter((m) => m.status === s).length;
    return consolePage(
      c,
      "Outbox",
      <>
        <p>{`In attesa: ${count("pending")} · Inviati: ${count("sent")} · Non consegnati: ${count("dead")}`}</p>
        <p class="hint">
          Un messaggio che un gateway rifiuta resta in attesa e si ritenta; dopo troppi tentativi è
          abbandonato.
        </p>
        <Form
          action={`${CONSOLE}/outbox/consegna`}
          csrfToken={c.get("session").csrfToken}
          submit="Consegna ora i messaggi dovuti"
          secondary
        />
        {(["pending", "dead", "sent"] as const).map((status) => (
          <>
            <h2>{`${STATUS_WORDS[status].charAt(0).toUpperCase()}${STATUS_WORDS[status].slice(1)}`}</h2>
            <OutboxTable messages={all.filter((m) => m.status === status)} withFiscalCode />
          </>
        ))}
      </>,
    );
  });

  app.post("/consegna", async (c) => {
    const drained = await identity(c).simDrainOutbox(opts(c));
    if (!drained.ok) return controlFailed(c, drained, "Outbox");
    const d = drained.body;
    c.get("session").consoleNotice =
      `Consegnati ${d.delivered}, da ritentare ${d.retrying}, abbandonati ${d.dead}.`;
    return c.redirect(`${CONSOLE}/outbox`, 303);
  });
  return app;
}
