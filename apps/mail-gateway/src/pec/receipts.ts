// The receipts a PEC provider sends back to the sender (DPR 68/2005, DM 2 novembre 2005 regole tecniche):
// a text body, the X-Ricevuta / X-Trasporto / X-Riferimento-Message-ID headers, and daticert.xml.
import { randomBytes } from "node:crypto";
import type MailComposerType from "nodemailer/lib/mail-composer/index.js";
import { escapeHtml } from "../mime/html-text.ts";

export type ReceiptKind = "accettazione" | "avvenuta-consegna" | "errore-consegna" | "non-accettazione";

export interface ReceiptInput {
  kind: ReceiptKind;
  /** Who gets the receipt: the original's sender. */
  sender: string;
  /** Recipients of the original; `certified` tells PEC mailboxes from ordinary ones. */
  recipients: { address: string; certified: boolean }[];
  /** For avvenuta-consegna / errore-consegna: the one mailbox this receipt is about. */
  deliveredTo?: string | undefined;
  replyTo: string;
  subject: string;
  originalMessageId: string;
  /** The original message, attached in full to a ricevuta di avvenuta consegna "completa". */
  original?: Buffer | undefined;
  at: Date;
  provider: string;
  providerDomain: string;
  /** errore-esteso: why the message was not delivered or not accepted. */
  error?: string | undefined;
}

const SUBJECT_PREFIX: Record<ReceiptKind, string> = {
  accettazione: "ACCETTAZIONE",
  "avvenuta-consegna": "CONSEGNA",
  "errore-consegna": "AVVISO DI MANCATA CONSEGNA",
  "non-accettazione": "AVVISO DI NON ACCETTAZIONE",
};

/** The day, time and UTC offset in Italy, as the receipts state them (giorno dd/mm/yyyy, ora HH:MM:SS, zona +0100). */
export function italianTime(at: Date): { giorno: string; ora: string; zona: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Rome",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.timeZoneName ?? "");
  const zona = offset ? `${offset[1]}${offset[2]}${offset[3]}` : "+0000";
  return { giorno: `${parts.day}/${parts.month}/${parts.year}`, ora: `${parts.hour}:${parts.minute}:${parts.second}`, zona };
}

const x = (v: string) => escapeHtml(v);

export function daticertXml(input: ReceiptInput, identificativo: string): string {
  const { giorno, ora, zona } = italianTime(input.at);
  const errore =
    input.kind === "errore-consegna" ? "no-dest" : input.kind === "non-accettazione" ? "altro" : "nessuno";
  const destinatari = input.recipients
    .map((r) => `    <destinatari tipo="${r.certified ? "certificato" : "esterno"}">${x(r.address)}</destinatari>`)
    .join("\n");
  const extra: string[] = [];
  if (input.kind === "avvenuta-consegna") {
    extra.push(`    <ricevuta tipo="completa" />`, `    <consegna>${x(input.deliveredTo ?? "")}</consegna>`);
  }
  if (input.kind === "errore-consegna") extra.push(`    <consegna>${x(input.deliveredTo ?? "")}</consegna>`);
  if (input.error && (input.kind === "errore-consegna" || input.kind === "non-accettazione")) {
    extra.push(`    <errore-esteso>${x(input.error)}</errore-esteso>`);
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!DOCTYPE postacert SYSTEM "Postacert.dtd">`,
    `<postacert tipo="${input.kind}" errore="${errore}">`,
    `  <intestazione>`,
    `    <mittente>${x(input.sender)}</mittente>`,
    destinatari,
    `    <risposte>${x(input.replyTo)}</risposte>`,
    `    <oggetto>${x(input.subject)}</oggetto>`,
    `  </intestazione>`,
    `  <dati>`,
    `    <gestore-emittente>${x(input.provider)}</gestore-emittente>`,
    `    <data zona="${zona}">`,
    `      <giorno>${giorno}</giorno>`,
    `      <ora>${ora}</ora>`,
    `    </data>`,
    `    <identificativo>${x(identificativo)}</identificativo>`,
    `    <msgid>${x(`<${input.originalMessageId}>`)}</msgid>`,
    ...extra,
    `  </dati>`,
    `</postacert>`,
    ``,
  ].join("\n");
}

function bodyText(input: ReceiptInput, identificativo: string): string {
  const { giorno, ora, zona } = italianTime(input.at);
  const when = `Il giorno ${giorno} alle ore ${ora} (${zona})`;
  const what = `"${input.subject}" proveniente da "${input.sender}"`;
  const list = input.recipients.map((r) => `${r.address} ("${r.certified ? "posta certificata" : "posta ordinaria"}")`);
  switch (input.kind) {
    case "accettazione":
      return `Ricevuta di accettazione\n\n${when} il messaggio\n${what}\ned indirizzato a:\n${list.join("\n")}\nè stato accettato dal sistema ed inoltrato.\nIdentificativo messaggio: ${identificativo}\n`;
    case "avvenuta-consegna":
      return `Ricevuta di avvenuta consegna\n\n${when} il messaggio\n${what}\ned indirizzato a "${input.deliveredTo}"\nè stato consegnato nella casella di destinazione.\nIdentificativo messaggio: ${identificativo}\n`;
    case "errore-consegna":
      return `Avviso di mancata consegna\n\n${when} nel messaggio\n${what}\ned indirizzato a:\n${input.deliveredTo}\nè stato rilevato un problema che ne impedisce la consegna.\nErrore: ${input.error}\nIl messaggio non è stato consegnato.\nIdentificativo messaggio: ${identificativo}\n`;
    case "non-accettazione":
      return `Avviso di non accettazione\n\n${when} nel messaggio\n${what}\ned indirizzato a:\n${list.join("\n")}\nè stato rilevato un problema che ne impedisce l'accettazione a causa di: ${input.error}.\nIl messaggio non è stato accettato.\nIdentificativo messaggio: ${identificativo}\n`;
  }
}

let composer: Promise<typeof MailComposerType> | null = null;

/** Composes a receipt as MIME (nodemailer's MailComposer); the Date header carries the simulated time. */
export async function composeReceipt(input: ReceiptInput): Promise<Buffer> {
  const stamp = input.at.toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
  const identificativo = `opec-sim.${stamp}.${randomBytes(6).toString("hex")}@${input.providerDomain}`;
  const attachments: { filename: string; content: string | Buffer; contentType: string; contentDisposition?: "attachment" }[] = [
    { filename: "daticert.xml", content: daticertXml(input, identificativo), contentType: "application/xml" },
  ];
  if (input.kind === "avvenuta-consegna" && input.original) {
    attachments.push({ filename: "postacert.eml", content: input.original, contentType: "message/rfc822", contentDisposition: "attachment" });
  }
  const transport = input.kind === "accettazione" || input.kind === "avvenuta-consegna" ? "posta-certificata" : "errore";
  // Loaded on first use (the first PEC message): nodemailer costs start-up nothing until then.
  composer ??= import("nodemailer/lib/mail-composer/index.js").then((m) => m.default);
  const MailComposer = await composer;
  const mail = new MailComposer({
    from: { name: `Per conto di: ${input.sender}`, address: `posta-certificata@${input.providerDomain}` },
    to: input.sender,
    subject: `${SUBJECT_PREFIX[input.kind]}: ${input.subject}`,
    date: input.at,
    messageId: `<${identificativo}>`,
    text: bodyText(input, identificativo),
    headers: {
      "X-Ricevuta": input.kind,
      "X-Trasporto": transport,
      "X-Riferimento-Message-ID": `<${input.originalMessageId}>`,
      ...(input.kind === "avvenuta-consegna" ? { "X-TipoRicevuta": "completa" } : {}),
    },
    attachments,
  });
  return mail.compile().build();
}
