// The mail pipeline behind SMTP: parse, store, and act as a PEC provider for certified recipients.
import type { Database } from "@inps-sim/db";
import type { Clock } from "@inps-sim/domain";
import type { Logger } from "@inps-sim/service-kit";
import { asc, lte, min } from "drizzle-orm";
import { pecPending } from "./db/schema.ts";
import { newMessageId } from "./ids.ts";
import { parseMessage, type ParsedMessage } from "./mime/parse.ts";
import { domainOf, isCertified, isUnknownMailbox, type PecSettings } from "./pec/pec-rules.ts";
import { composeReceipt, type ReceiptInput, type ReceiptKind } from "./pec/receipts.ts";
import { MailStore, type MessageSummary } from "./messages/messages.store.ts";

export interface Envelope {
  from: string;
  to: string[];
}

export interface RuntimeStats {
  startedAt: number;
  SMTPAccepted: number;
  SMTPAcceptedSize: number;
  SMTPRejected: number;
  SMTPIgnored: number;
}

export interface IngestResult {
  /** The stored original, or null when PEC refused it or no recipient could receive it. */
  stored: MessageSummary | null;
  /** Same Message-ID from the same sender as a message already stored: that one, with the resend counted on it. */
  redelivered: boolean;
  receipts: ReceiptKind[];
}

export class Mailbox {
  readonly store: MailStore;
  readonly runtime: RuntimeStats = { startedAt: Date.now(), SMTPAccepted: 0, SMTPAcceptedSize: 0, SMTPRejected: 0, SMTPIgnored: 0 };
  /** Earliest due PEC delivery, kept in memory so reads cost nothing while none is due. */
  #nextDue: number | null = null;
  #loaded = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly pec: PecSettings,
    private readonly logger?: Logger,
  ) {
    this.store = new MailStore(db);
  }

  /** At start-up: messages an earlier version stored unparsed are parsed (see MailStore.parseLeftovers). */
  async parseLeftovers(): Promise<number> {
    return this.store.parseLeftovers(parseMessage, (parsed, envelope) => tagsFor(parsed.header("x-tags"), recipientsOf(parsed, envelope)));
  }

  /** What SMTP calls for each message: resolves with the stored message's ID, or null when none was stored. */
  async accept(raw: Buffer, envelope: Envelope): Promise<string | null> {
    return (await this.ingest(raw, envelope)).stored?.ID ?? null;
  }

  /** Stores a message received over SMTP (or given by a test) and writes any PEC receipts it calls for. */
  async ingest(raw: Buffer, envelope: Envelope): Promise<IngestResult> {
    const parsed = await parseMessage(raw);
    const now = this.clock.now();
    const recipients = recipientsOf(parsed, envelope);
    const certified = recipients.filter((r) => isCertified(r, this.pec));
    const isReceipt = parsed.header("x-ricevuta") !== undefined;
    const sender = envelope.from || parsed.from.Address;
    const tags = tagsFor(parsed.header("x-tags"), recipients);
    // Receipts never produce receipts, and a message without a sender has nobody to receive them.
    if (certified.length === 0 || isReceipt || !sender) {
      const { summary, redelivered } = await this.store.insert({ parsed, raw, created: now, envelope, tags });
      return { stored: summary, receipts: [], redelivered };
    }
    // A resend of a PEC message already accepted gets no second set of receipts.
    const earlier = await this.store.redelivery(envelope, parsed.messageId);
    if (earlier) return { stored: (await this.store.get(earlier))?.summary ?? null, receipts: [], redelivered: true };
    const base = {
      sender,
      recipients: recipients.map((address) => ({ address, certified: isCertified(address, this.pec) })),
      replyTo: parsed.replyTo[0]?.Address || sender,
      subject: parsed.subject,
      originalMessageId: parsed.messageId || `${newMessageId()}@${domainOf(sender) || "localhost"}`,
      provider: this.pec.provider,
      providerDomain: this.#providerDomain(sender),
    };
    if (parsed.malformed) {
      await this.#storeReceipt({ ...base, kind: "non-accettazione", at: now, error: parsed.malformed });
      return { stored: null, receipts: ["non-accettazione"], redelivered: false };
    }
    const receipts: ReceiptKind[] = ["accettazione"];
    await this.#storeReceipt({ ...base, kind: "accettazione", at: now });
    const deliverable = recipients.filter((r) => !isCertified(r, this.pec) || !isUnknownMailbox(r, this.pec));
    const stored = deliverable.length > 0 ? (await this.store.insert({ parsed, raw, created: now, envelope, tags })).summary : null;
    const deliveredAt = new Date(now.getTime() + this.pec.deliveryDelayMs);
    for (const mailbox of certified) {
      const unknown = isUnknownMailbox(mailbox, this.pec);
      const input: ReceiptInput = unknown
        ? { ...base, kind: "errore-consegna", at: deliveredAt, deliveredTo: mailbox, error: "5.1.1 - Casella di posta inesistente" }
        : { ...base, kind: "avvenuta-consegna", at: deliveredAt, deliveredTo: mailbox, original: raw };
      receipts.push(input.kind);
      if (this.pec.deliveryDelayMs <= 0) await this.#storeReceipt(input);
      else await this.#schedule(input);
    }
    return { stored, receipts, redelivered: false };
  }

  /** Before a read: delivers the PEC receipts whose simulated delivery time has come. Cheap when none is due. */
  async deliverDue(): Promise<void> {
    if (!this.#loaded) await this.#loadNextDue();
    const now = this.clock.now();
    if (this.#nextDue === null || this.#nextDue > now.getTime()) return;
    const due = await this.db
      .delete(pecPending)
      .where(lte(pecPending.dueAt, now))
      .returning();
    due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const item of due) {
      const parsed = await parseMessage(item.raw);
      await this.store.insert({
        parsed,
        raw: item.raw,
        created: item.dueAt,
        envelope: { from: "", to: parsed.to.map((a) => a.Address) },
        pecReceipt: item.kind,
      });
    }
    await this.#loadNextDue();
  }

  /** After /__sim/reset: nothing is pending any more. */
  forgetPending(): void {
    this.#nextDue = null;
    this.store.emptied();
  }

  async #loadNextDue(): Promise<void> {
    const [row] = await this.db.select({ next: min(pecPending.dueAt) }).from(pecPending);
    const next = row?.next;
    this.#nextDue = next ? new Date(next as unknown as string | Date).getTime() : null;
    this.#loaded = true;
  }

  async #schedule(input: ReceiptInput): Promise<void> {
    const raw = await composeReceipt(input);
    await this.db.insert(pecPending).values({ id: newMessageId(), dueAt: input.at, raw, kind: input.kind });
    const due = input.at.getTime();
    if (this.#nextDue === null || due < this.#nextDue) this.#nextDue = due;
    this.#loaded = true;
  }

  async #storeReceipt(input: ReceiptInput): Promise<void> {
    const raw = await composeReceipt(input);
    const parsed = await parseMessage(raw);
    await this.store.insert({
      parsed,
      raw,
      created: input.at,
      envelope: { from: `posta-certificata@${input.providerDomain}`, to: [input.sender] },
      pecReceipt: input.kind,
    });
    this.logger?.debug({ kind: input.kind, subject: input.subject }, "PEC receipt");
  }

  #providerDomain(sender: string): string {
    if (isCertified(sender, this.pec)) return domainOf(sender);
    return this.pec.domains[0] ?? "pec.it";
  }

  /** Pending receipts, oldest first (for the control plane). */
  async pending(): Promise<{ id: string; dueAt: string; kind: string }[]> {
    const rows = await this.db.select().from(pecPending).orderBy(asc(pecPending.dueAt));
    return rows.map((r) => ({ id: r.id, dueAt: r.dueAt.toISOString(), kind: r.kind }));
  }
}

/** The SMTP recipients, or (no envelope: a message given directly) the addresses in its header. */
function recipientsOf(parsed: ParsedMessage, envelope: Envelope): string[] {
  return envelope.to.length > 0 ? envelope.to : [...parsed.to, ...parsed.cc, ...parsed.bcc].map((a) => a.Address);
}

/** Mailpit's automatic tags: the X-Tags header and plus-addresses (user+tag@example.com). */
function tagsFor(xTags: string | undefined, recipients: string[]): string[] {
  const out = (xTags ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  for (const r of recipients) {
    const m = /^[^@]*?\+([^@]+)@/.exec(r);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

