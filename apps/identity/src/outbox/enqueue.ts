// Writes a message to the outbox inside the caller's transaction: it leaves only if the state change commits.
import { randomUUID } from "node:crypto";
import type { Database } from "@inps-sim/db";
import { outbox } from "../db/schema.ts";
import type { Sealer } from "./sealing.ts";
import type { OutboundMessage, OutboxPurpose } from "./message.ts";

export interface EnqueueInput {
  fiscalCode: string;
  purpose: OutboxPurpose;
  /** Masked, for the control plane and the timeline. */
  destination: string;
  message: OutboundMessage;
  now: Date;
}

export async function enqueueMessage(tx: Database, sealer: Sealer, input: EnqueueInput): Promise<string> {
  const id = randomUUID();
  await tx.insert(outbox).values({
    id,
    fiscalCode: input.fiscalCode,
    channel: input.message.channel,
    purpose: input.purpose,
    destination: input.destination,
    sealed: sealer.seal(input.message),
    status: "pending",
    nextAttemptAt: input.now,
    createdAt: input.now,
  });
  return id;
}
