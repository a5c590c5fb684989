// The mail pipeline behind SMTP: parse, store, and act as a PEC provider for certified recipients.
import type { Database } from "@inps-sim/db";
import type { Clock } from "@inps-sim/domain";
import type { Logger } from "@inps-sim/service-kit";
import { asc, lte, min } from "drizzle-orm";
import { pecPending } from "./db/schema.ts";
import { newMessageId } from "./ids.ts";
import { parseMessage, type ParsedMessage } from "./mime/parse.ts";
import type { PecSettings } from "./pec/pec-rules.ts";
import { PecProvider, type ProviderMessage } from "./pec/provider.ts";
import type { ReceiptKind } from "./pec/receipts.ts";
import { MailStore, type InsertInput, type MessageSummary } from "./messages/messages.store.ts";
import { receivedHeader, stampArrival } from "./smtp/arrival-headers.ts";
import { SMTP_HOSTNAME } from "./smtp/smtp-server.ts";

export interface Envelope {
  from: string;
  to: string[];
}

/** How a message arrived, beyond its envelope: what Mailpit records of the connection. */
export interface Delivery {
  /** The AUTH user name (Mailpit's `Username`), when the sender logged in. */
  username?: string | undefined;
  /** The SMTP client (its EHLO name and IP), for the Received header; absent for the HTTP send API. */
  client?: { helo: string; ip: string } | undefined;
}

/** The Received header's "by" part: our SMTP host name and what we are. */
export const RECEIVED_BY = { by: SMTP_HOSTNAME, app: "Mailpit-compatible INPS simulator" };

export interface RuntimeStats {
  startedAt: number;
  SMTPAccepted: number;
  SMTPAcceptedSize: number;
  SMTPRejected: number;
  SMTPIgnored: number;
}

export interface IngestResult {
  /** What reached the recipients (the original, or its PEC envelope), or null when PEC refused it or nobody could receive it. */
  stored: MessageSummary | null;
  receipts: ReceiptKind[];
  /** Same Message-ID from the same sender as a message already stored: that one, with the resend counted on it. */
  redelivered: boolean;
}

export class Mailbox {
  readonly store: MailStore;
  readonly runtime: RuntimeStats = {
    startedAt: Date.now(),
    SMTPAccepted: 0,
    SMTPAcceptedSize: 0,
    SMTPRejected: 0,
    SMTPIgnored: 0,
  };
  /** Earliest due PEC delivery, kept in memory so reads cost nothing while none is due. */
  #nextDue: number | null = null;
  #loaded = false;
  readonly pecProvider: PecProvider;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    readonly pec: PecSettings,
    private readonly logger?: Logger,
  ) {
    this.store = new MailStore(db);
    this.pecProvider = new PecProvider(pec);
  }

  /** At start-up: messages an earlier version stored unparsed are parsed (see MailStore.parseLeftovers). */
  async parseLeftovers(): Promise<number> {
    return this.store.parseLeftovers(parseMessage, (parsed, envelope) =>
      tagsFor(parsed.header("x-tags"), recipientsOf(parsed, envelope)),
    );
  }

  /**
   * What SMTP (and the send API) calls for each message: the headers Mailpit adds on arrival are written in (Received,
   * Return-Path, Message-ID, envelope-only recipients in Bcc), then it is stored. Resolves with the stored message's
   * ID, or null when none was stored.
   */
  async accept(raw: Buffer, envelope: Envelope, delivery: Delivery = {}): Promise<string | null> {
    const received =
      delivery.client && envelope.to[0]
        ? receivedHeader({ ...delivery.client, ...RECEIVED_BY, to: envelope.to[0], at: this.clock.now() })
        : undefined;
    const stamped = stampArrival(raw, envelope, received);
    return (await this.ingest(stamped, envelope, delivery.username)).stored?.ID ?? null;
  }

  /** Stores a message as given (a test's, or one accept() stamped), as the PEC provider hands it over when it is PEC. */
  async ingest(raw: Buffer, envelope: Envelope, username = ""): Promise<IngestResult> {
    const parsed = await parseMessage(raw);
    const now = this.clock.now();
    const recipients = recipientsOf(parsed, envelope);
    const tags = tagsFor(parsed.header("x-tags"), recipients);
    const plan = await this.pecProvider.plan(parsed, raw, envelope, recipients, now);
    if (!plan) {
      const { summary, redelivered } = await this.store.insert({
        parsed,
        raw,
        created: now,
        envelope,
        tags,
        username,
      });
      return { stored: summary, receipts: [], redelivered };
    }
    // A resend of a PEC message already accepted gets no second envelope and no second set of receipts.
    const earlier = await this.store.redelivery(envelope, parsed.messageId);
    if (earlier)
      return { stored: (await this.store.get(earlier))?.summary ?? null, receipts: [], redelivered: true };
    let stored: MessageSummary | null = null;
    for (const message of plan.now) {
      // What first reaches a recipient stands for the original: a resend of it is found by its sender and Message-ID.
      const origin =
        !message.receipt && !stored && parsed.messageId
          ? { sender: envelope.from, messageId: parsed.messageId }
          : null;
      const summary = await this.#storeProviderMessage(message, message.receipt ? [] : tags, origin);
      if (!message.receipt) stored ??= summary;
    }
    for (const message of plan.later) await this.#schedule(message);
    return { stored, receipts: plan.receipts, redelivered: false };
  }

  /** Before a read: delivers the PEC receipts whose simulated delivery time has come. Cheap when none is due. */
  async deliverDue(): Promise<void> {
    if (!this.#loaded) await this.#loadNextDue();
    const now = this.clock.now();
    if (this.#nextDue === null || this.#nextDue > now.getTime()) return;
    const due = await this.db.delete(pecPending).where(lte(pecPending.dueAt, now)).returning();
    due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const item of due) {
      const parsed = await parseMessage(item.raw);
      await this.store.insert({
        parsed,
        raw: item.raw,
        created: item.dueAt,
        envelope: { from: "", to: parsed.to.map((a) => a.Address) },
        pecReceipt: item.kind,
        origin: null,
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

  async #schedule(message: ProviderMessage): Promise<void> {
    await this.db
      .insert(pecPending)
      .values({ id: newMessageId(), dueAt: message.at, raw: message.raw, kind: message.receipt ?? "" });
    const due = message.at.getTime();
    if (this.#nextDue === null || due < this.#nextDue) this.#nextDue = due;
    this.#loaded = true;
  }

  async #storeProviderMessage(
    message: ProviderMessage,
    tags: string[],
    origin: InsertInput["origin"],
  ): Promise<MessageSummary> {
    const parsed = await parseMessage(message.raw);
    const { summary } = await this.store.insert({
      parsed,
      raw: message.raw,
      created: message.at,
      envelope: message.envelope,
      tags,
      origin,
      ...(message.receipt ? { pecReceipt: message.receipt } : {}),
    });
    if (message.receipt)
      this.logger?.debug({ kind: message.receipt, subject: parsed.subject }, "PEC receipt");
    return summary;
  }

  /** Pending receipts, oldest first (for the control plane). */
  async pending(): Promise<{ id: string; dueAt: string; kind: string }[]> {
    const rows = await this.db.select().from(pecPending).orderBy(asc(pecPending.dueAt));
    return rows.map((r) => ({ id: r.id, dueAt: r.dueAt.toISOString(), kind: r.kind }));
  }
}

/** The SMTP recipients, or (no envelope: a message given directly) the addresses in its header. */
function recipientsOf(parsed: ParsedMessage, envelope: Envelope): string[] {
  return envelope.to.length > 0
    ? envelope.to
    : [...parsed.to, ...parsed.cc, ...parsed.bcc].map((a) => a.Address);
}

/** Mailpit's automatic tags: the X-Tags header and plus-addresses (user+tag@example.com). */
function tagsFor(xTags: string | undefined, recipients: string[]): string[] {
  const out = (xTags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  for (const r of recipients) {
    const m = /^[^@]*?\+([^@]+)@/.exec(r);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}
