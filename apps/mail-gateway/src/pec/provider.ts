// The PEC provider: given a message handed to the gateway, what a provider delivers and answers (DPR 68/2005,
// DM 2 novembre 2005). A PEC sender gets ACCETTAZIONE at once and CONSEGNA (or AVVISO DI MANCATA CONSEGNA) per PEC
// mailbox; the recipients get the transport envelope, not the original. Mail from outside PEC gets no receipts,
// and PEC mailboxes get it inside an anomaly envelope. Receipts and envelopes are S/MIME signed unless turned off.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ParsedMessage } from "../mime/parse.ts";
import { newIdentificativo } from "./daticert.ts";
import { composeAnomalyEnvelope, composeTransportEnvelope, type EnvelopeInput } from "./envelopes.ts";
import { domainOf, isCertified, isUnknownMailbox, type PecSettings } from "./pec-rules.ts";
import { composeReceipt, type ReceiptInput, type ReceiptKind } from "./receipts.ts";
import type { PecSigner } from "./smime.ts";

export interface ProviderMessage {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  at: Date;
  /** The receipt kind (stored as pec_receipt); null for what reaches a recipient. */
  receipt: ReceiptKind | null;
}

export interface PecPlan {
  /** To store at once: what reaches the recipients, the acceptance (or refusal). */
  now: ProviderMessage[];
  /** To store when the simulated clock reaches their time (PEC_DELIVERY_DELAY): the delivery receipts. */
  later: ProviderMessage[];
  receipts: ReceiptKind[];
}

/** Why an anomaly envelope's data are not certified. */
const NOT_PEC = "il messaggio non proviene da un gestore di posta elettronica certificata";

export class PecProvider {
  #signer: PecSigner | null | undefined;

  constructor(private readonly settings: PecSettings) {}

  /**
   * The signer, made on first use: the configured certificate, or one made now for the provider. Null when off.
   * smime.ts and node-forge (~600 KB) load with the first PEC message, not at start.
   */
  async signer(): Promise<PecSigner | null> {
    if (this.#signer !== undefined) return this.#signer;
    const signature = this.settings.signature;
    if (signature && !signature.enabled) return (this.#signer = null);
    const { createPecSigner, simulatedProviderCertificate } = await import("./smime.ts");
    const material =
      signature?.certificateFile && signature.keyFile
        ? {
            certificatePem: readFileSync(signature.certificateFile, "utf8"),
            privateKeyPem: readFileSync(signature.keyFile, "utf8"),
          }
        : simulatedProviderCertificate(this.settings.provider, this.settings.domains[0] ?? "pec.it");
    return (this.#signer ??= createPecSigner(material));
  }

  /**
   * What the provider does with a message, or null when it is none of its business: no PEC recipient, no sender,
   * or a message a provider made (a receipt or an envelope carries X-Ricevuta or X-Trasporto; receipts never
   * produce receipts).
   */
  async plan(
    parsed: ParsedMessage,
    raw: Buffer,
    envelope: { from: string; to: string[] },
    recipients: string[],
    now: Date,
  ): Promise<PecPlan | null> {
    const s = this.settings;
    const certified = recipients.filter((r) => isCertified(r, s));
    const fromProvider =
      parsed.header("x-ricevuta") !== undefined || parsed.header("x-trasporto") !== undefined;
    const sender = envelope.from || parsed.from.Address;
    if (certified.length === 0 || fromProvider || !sender) return null;
    const signer = await this.signer();
    const ordinary = recipients.filter((r) => !isCertified(r, s));
    const reachable = certified.filter((r) => !isUnknownMailbox(r, s));
    const original: EnvelopeInput = {
      sender,
      recipients: recipients.map((address) => ({ address, certified: isCertified(address, s) })),
      to: parsed.to.map((a) => ({ name: a.Name, address: a.Address })),
      cc: parsed.cc.map((a) => ({ name: a.Name, address: a.Address })),
      replyTo: parsed.replyTo[0]?.Address || sender,
      subject: parsed.subject,
      originalMessageId:
        parsed.messageId || `${randomBytes(12).toString("hex")}@${domainOf(sender) || "localhost"}`,
      original: raw,
      at: now,
      provider: s.provider,
      providerDomain: isCertified(sender, s) ? domainOf(sender) : (s.domains[0] ?? "pec.it"),
    };

    if (!isCertified(sender, s)) {
      // No PEC provider took the message in, so nobody issues receipts; each PEC mailbox's provider wraps it.
      const plan: PecPlan = { now: [], later: [], receipts: [] };
      if (ordinary.length > 0)
        plan.now.push({ raw, envelope: { from: envelope.from, to: ordinary }, at: now, receipt: null });
      if (reachable.length > 0) {
        const anomaly = await composeAnomalyEnvelope(
          { ...original, providerDomain: domainOf(reachable[0]!), error: NOT_PEC },
          signer,
        );
        plan.now.push({
          raw: anomaly,
          envelope: { from: envelope.from, to: reachable },
          at: now,
          receipt: null,
        });
      }
      return plan;
    }

    const identificativo = newIdentificativo(now, original.providerDomain, randomBytes(6).toString("hex"));
    const receipt = async (
      input: Pick<ReceiptInput, "kind"> & Partial<ReceiptInput>,
    ): Promise<ProviderMessage> => {
      const full: ReceiptInput = { ...original, identificativo, ...input };
      const raw = await composeReceipt(full, signer);
      return {
        raw,
        envelope: { from: `posta-certificata@${full.providerDomain}`, to: [sender] },
        at: full.at,
        receipt: full.kind,
      };
    };
    if (parsed.malformed) {
      return {
        now: [await receipt({ kind: "non-accettazione", error: parsed.malformed })],
        later: [],
        receipts: ["non-accettazione"],
      };
    }
    const plan: PecPlan = {
      now: [await receipt({ kind: "accettazione" })],
      later: [],
      receipts: ["accettazione"],
    };
    const deliverable = [...ordinary, ...reachable];
    if (deliverable.length > 0) {
      const busta = await composeTransportEnvelope({ ...original, identificativo }, signer);
      plan.now.push({
        raw: busta,
        envelope: { from: envelope.from || sender, to: deliverable },
        at: now,
        receipt: null,
      });
    }
    const deliveredAt = new Date(now.getTime() + s.deliveryDelayMs);
    for (const mailbox of certified) {
      const delivery = isUnknownMailbox(mailbox, s)
        ? await receipt({
            kind: "errore-consegna",
            at: deliveredAt,
            deliveredTo: mailbox,
            error: `5.1.1 - ${s.provider} - indirizzo non valido`,
          })
        : await receipt({ kind: "avvenuta-consegna", at: deliveredAt, deliveredTo: mailbox, original: raw });
      plan.receipts.push(delivery.receipt!);
      (s.deliveryDelayMs <= 0 ? plan.now : plan.later).push(delivery);
    }
    return plan;
  }
}
