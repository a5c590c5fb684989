// The decision on a conversion request, in Italian, to the citizen's email (or PEC, else SMS).
import { italianDate } from "@inps-sim/domain";
import type { OutboundMessage } from "../outbox/message.ts";
import {
  INPS_PEC_SENDER,
  INPS_SENDER,
  type DigitalDestination,
  type Recipient,
} from "../texts/messages-it.ts";

const greeting = (r: Recipient) =>
  `${r.gender === "F" ? "Gentile Signora" : "Gentile Signore"} ${r.firstName} ${r.lastName},`;

export function dispositivoDecisionMessage(
  r: Recipient,
  dest: DigitalDestination,
  decision: { approved: boolean; requestId: string; reason: string | null; at: Date },
): OutboundMessage {
  const lines = decision.approved
    ? [
        `la Sua richiesta di conversione del PIN in PIN dispositivo (numero ${decision.requestId}) è stata accolta il ${italianDate(decision.at)}.`,
        "Dal prossimo accesso il Suo PIN è dispositivo: può presentare online le domande di prestazione.",
      ]
    : [
        `la Sua richiesta di conversione del PIN in PIN dispositivo (numero ${decision.requestId}) non è stata accolta.`,
        `Motivo: ${decision.reason ?? "non indicato"}.`,
        'Può presentare una nuova richiesta dal servizio "Converti PIN".',
      ];
  const subject = decision.approved
    ? "INPS - PIN dispositivo attivato"
    : "INPS - Richiesta di PIN dispositivo respinta";
  if (dest.channel === "sms") {
    const text = decision.approved
      ? `INPS: la richiesta ${decision.requestId} è accolta, il Suo PIN è ora dispositivo.`
      : `INPS: la richiesta ${decision.requestId} di PIN dispositivo non è stata accolta. Dettagli nell'area riservata.`;
    return { channel: "sms", to: dest.mobile, text };
  }
  const text = [
    greeting(r),
    ...lines,
    "",
    "Istituto Nazionale Previdenza Sociale - messaggio automatico, non rispondere.",
  ].join("\n");
  return {
    channel: "email",
    to: dest.address,
    from: dest.channel === "pec" ? INPS_PEC_SENDER : INPS_SENDER,
    subject,
    text,
  };
}
