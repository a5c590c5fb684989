// daticert.xml: the certification data a PEC provider attaches to the transport envelope and to every receipt
// (DM 2 novembre 2005, allegato, the Postacert DTD), in the shape providers write it.
import { escapeHtml } from "../mime/html-text.ts";
import { italianDate, romeOffset, romeWallTime } from "@inps-sim/domain";

/** What a daticert.xml can certify: the transport envelope, or one of the receipts. */
export type DaticertKind =
  "posta-certificata" | "accettazione" | "non-accettazione" | "avvenuta-consegna" | "errore-consegna";

export interface DaticertInput {
  kind: DaticertKind;
  sender: string;
  recipients: { address: string; certified: boolean }[];
  replyTo: string;
  subject: string;
  provider: string;
  at: Date;
  /** The provider's identifier of the message, the same in the envelope and in every receipt about it. */
  identificativo: string;
  originalMessageId: string;
  /** avvenuta-consegna / errore-consegna: the mailbox the receipt is about. */
  deliveredTo?: string | undefined;
  /** errore-consegna / non-accettazione: why. */
  error?: string | undefined;
}

/** The day, time and UTC offset in Italy, as the receipts state them (giorno dd/mm/yyyy, ora HH:MM:SS, zona +0100). */
export function italianTime(at: Date): { giorno: string; ora: string; zona: string } {
  const t = romeWallTime(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    giorno: italianDate(at),
    ora: `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`,
    zona: romeOffset(at),
  };
}

const x = (v: string) => escapeHtml(v);

/** The postacert `errore` attribute: no-dest for a mailbox that does not exist, altro for a refused message. */
function errore(kind: DaticertKind): string {
  if (kind === "errore-consegna") return "no-dest";
  if (kind === "non-accettazione") return "altro";
  return "nessuno";
}

export function daticertXml(input: DaticertInput): string {
  const { giorno, ora, zona } = italianTime(input.at);
  const destinatari = input.recipients.map(
    (r) =>
      `        <destinatari tipo="${r.certified ? "certificato" : "esterno"}">${x(r.address)}</destinatari>`,
  );
  const extra: string[] = [];
  if (input.kind === "avvenuta-consegna") extra.push(`        <ricevuta tipo="completa" />`);
  if (input.kind === "avvenuta-consegna" || input.kind === "errore-consegna") {
    extra.push(`        <consegna>${x(input.deliveredTo ?? "")}</consegna>`);
  }
  if (input.error && (input.kind === "errore-consegna" || input.kind === "non-accettazione")) {
    extra.push(`        <errore-esteso>${x(input.error)}</errore-esteso>`);
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<postacert tipo="${input.kind}" errore="${errore(input.kind)}">`,
    `    <intestazione>`,
    `        <mittente>${x(input.sender)}</mittente>`,
    ...destinatari,
    `        <risposte>${x(input.replyTo)}</risposte>`,
    `        <oggetto>${x(input.subject)}</oggetto>`,
    `    </intestazione>`,
    `    <dati>`,
    `        <gestore-emittente>${x(input.provider)}</gestore-emittente>`,
    `        <data zona="${zona}">`,
    `            <giorno>${giorno}</giorno>`,
    `            <ora>${ora}</ora>`,
    `        </data>`,
    `        <identificativo>${x(input.identificativo)}</identificativo>`,
    `        <msgid>${x(`<${input.originalMessageId}>`)}</msgid>`,
    ...extra,
    `    </dati>`,
    `</postacert>`,
    ``,
  ].join("\n");
}

/** A provider identifier in the form providers use (opec…@domain), from the simulated time. */
export function newIdentificativo(at: Date, domain: string, random: string): string {
  const stamp = at
    .toISOString()
    .replace(/[-:TZ.]/g, "")
    .slice(0, 14);
  return `opec-sim.${stamp}.${random}@${domain}`;
}
