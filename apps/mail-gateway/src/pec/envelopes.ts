// The envelopes in which a PEC mailbox receives mail (DM 2 novembre 2005, allegato): the transport envelope (busta
// di trasporto) around a message from a PEC sender, and the anomaly envelope (busta di anomalia) around one that
// did not come through PEC. Both carry the original as postacert.eml; only the transport envelope certifies it
// with a daticert.xml.
import { randomBytes } from "node:crypto";
import { composeProviderMessage } from "./compose.ts";
import { daticertXml, italianTime, newIdentificativo } from "./daticert.ts";
import type { PecSigner } from "./smime.ts";

export interface EnvelopeInput {
  sender: string;
  recipients: { address: string; certified: boolean }[];
  /** The original's To and Cc, as the envelope repeats them. */
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  replyTo: string;
  subject: string;
  originalMessageId: string;
  original: Buffer;
  at: Date;
  provider: string;
  providerDomain: string;
}

const mailbox = (a: { name: string; address: string }) =>
  a.name ? { name: a.name, address: a.address } : a.address;

function common(input: EnvelopeInput) {
  return {
    from: { name: `Per conto di: ${input.sender}`, address: `posta-certificata@${input.providerDomain}` },
    to: input.to.map(mailbox),
    ...(input.cc.length > 0 ? { cc: input.cc.map(mailbox) } : {}),
    replyTo: input.replyTo,
  };
}

/** The transport envelope: its Message-ID is the identificativo that the receipts and daticert.xml name. */
export async function composeTransportEnvelope(
  input: EnvelopeInput & { identificativo: string },
  signer: PecSigner | null,
): Promise<Buffer> {
  const { giorno, ora, zona } = italianTime(input.at);
  const list = input.recipients.map((r) => r.address).join("\n");
  const text =
    `Messaggio di posta certificata\n\nIl giorno ${giorno} alle ore ${ora} (${zona}) il messaggio\n` +
    `"${input.subject}" è stato inviato da "${input.sender}"\nindirizzato a:\n${list}\n` +
    `Il messaggio originale è incluso in allegato.\nIdentificativo messaggio: ${input.identificativo}\n`;
  return composeProviderMessage(
    {
      ...common(input),
      subject: `POSTA CERTIFICATA: ${input.subject}`,
      messageId: `<${input.identificativo}>`,
      text,
      headers: {
        "X-Trasporto": "posta-certificata",
        "X-Riferimento-Message-ID": `<${input.originalMessageId}>`,
      },
      attachments: [
        {
          filename: "postacert.eml",
          content: input.original,
          contentType: "message/rfc822",
          contentDisposition: "attachment",
        },
        {
          filename: "daticert.xml",
          content: daticertXml({ ...input, kind: "posta-certificata" }),
          contentType: "application/xml",
        },
      ],
    },
    signer,
    input.at,
  );
}

/** The anomaly envelope the recipient's provider puts around mail that did not come through PEC. */
export async function composeAnomalyEnvelope(
  input: EnvelopeInput & { error: string },
  signer: PecSigner | null,
): Promise<Buffer> {
  const { giorno, ora, zona } = italianTime(input.at);
  const list = input.recipients.map((r) => r.address).join("\n");
  const text =
    `Anomalia nel messaggio\n\nIl giorno ${giorno} alle ore ${ora} (${zona}) è stato ricevuto\n` +
    `il messaggio "${input.subject}" proveniente da "${input.sender}"\nindirizzato a:\n${list}\n` +
    `Tali dati non sono stati certificati per il seguente errore:\n${input.error}\nIl messaggio originale è incluso in allegato.\n`;
  return composeProviderMessage(
    {
      ...common(input),
      subject: `ANOMALIA MESSAGGIO: ${input.subject}`,
      messageId: `<${newIdentificativo(input.at, input.providerDomain, randomBytes(6).toString("hex"))}>`,
      text,
      headers: { "X-Trasporto": "errore", "X-Riferimento-Message-ID": `<${input.originalMessageId}>` },
      attachments: [
        {
          filename: "postacert.eml",
          content: input.original,
          contentType: "message/rfc822",
          contentDisposition: "attachment",
        },
      ],
    },
    signer,
    input.at,
  );
}
