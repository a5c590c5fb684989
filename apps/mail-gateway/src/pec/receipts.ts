// The receipts a PEC provider sends back to the sender (DPR 68/2005, DM 2 novembre 2005 regole tecniche):
// From the provider's plain address, X-Ricevuta (never X-Trasporto), X-Riferimento-Message-ID, a text body and daticert.xml.
import { randomBytes } from "node:crypto";
import { composeProviderMessage } from "./compose.ts";
import { daticertXml, italianTime, newIdentificativo } from "./daticert.ts";
import type { PecSigner } from "./smime.ts";

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
  /** The provider's identifier of the original, as in its transport envelope. */
  identificativo: string;
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

function bodyText(input: ReceiptInput): string {
  const { giorno, ora, zona } = italianTime(input.at);
  const when = `Il giorno ${giorno} alle ore ${ora} (${zona})`;
  const what = `"${input.subject}" proveniente da "${input.sender}"`;
  const list = input.recipients.map(
    (r) => `${r.address} ("${r.certified ? "posta certificata" : "posta ordinaria"}")`,
  );
  const id = `Identificativo messaggio: ${input.identificativo}`;
  switch (input.kind) {
    case "accettazione":
      return `Ricevuta di accettazione\n\n${when} il messaggio\n${what}\ned indirizzato a:\n${list.join("\n")}\nè stato accettato dal sistema ed inoltrato.\n${id}\n`;
    case "avvenuta-consegna":
      return `Ricevuta di avvenuta consegna\n\n${when} il messaggio\n${what}\ned indirizzato a "${input.deliveredTo}"\nè stato consegnato nella casella di destinazione.\n${id}\n`;
    case "errore-consegna":
      return `Avviso di mancata consegna\n\n${when} nel messaggio\n${what}\ned indirizzato a:\n${input.deliveredTo}\nè stato rilevato un problema che ne impedisce la consegna.\nErrore: ${input.error}\nIl messaggio non è stato consegnato.\n${id}\n`;
    case "non-accettazione":
      return `Avviso di non accettazione\n\n${when} nel messaggio\n${what}\ned indirizzato a:\n${list.join("\n")}\nè stato rilevato un problema che ne impedisce l'accettazione a causa di: ${input.error}.\nIl messaggio non è stato accettato.\n${id}\n`;
  }
}

/** Composes a receipt as MIME; the Date header carries the simulated time. Signed unless `signer` is null. */
export async function composeReceipt(input: ReceiptInput, signer: PecSigner | null): Promise<Buffer> {
  const daticert = daticertXml({ ...input, identificativo: input.identificativo });
  const attachments: {
    filename: string;
    content: string | Buffer;
    contentType: string;
    contentDisposition?: "attachment";
  }[] = [{ filename: "daticert.xml", content: daticert, contentType: "application/xml" }];
  if (input.kind === "avvenuta-consegna" && input.original) {
    attachments.push({
      filename: "postacert.eml",
      content: input.original,
      contentType: "message/rfc822",
      contentDisposition: "attachment",
    });
  }
  return composeProviderMessage(
    {
      from: `posta-certificata@${input.providerDomain}`,
      to: input.sender,
      subject: `${SUBJECT_PREFIX[input.kind]}: ${input.subject}`,
      // Each receipt is a message of its own; the identificativo it certifies is in daticert.xml.
      messageId: `<${newIdentificativo(input.at, input.providerDomain, randomBytes(6).toString("hex"))}>`,
      text: bodyText(input),
      headers: {
        "X-Ricevuta": input.kind,
        "X-Riferimento-Message-ID": `<${input.originalMessageId}>`,
        ...(input.kind === "avvenuta-consegna" ? { "X-TipoRicevuta": "completa" } : {}),
      },
      attachments,
    },
    signer,
    input.at,
  );
}
