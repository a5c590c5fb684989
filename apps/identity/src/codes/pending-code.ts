// The code of a pending change (a PIN change's, a contact change's): the checks both flows make before acting on
// it, and the counting of wrong codes. A wrong code uses up one attempt in one statement, so concurrent wrong codes
// never go past the limit.
import { rowsOf } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { codeExpired, invalidCode } from "../http/problems.ts";
import { recordEvent } from "../timeline/record-event.ts";

export interface PendingCode {
  id: string;
  codeHash: string;
  attempts: number;
  usedAt: Date | null;
  voidedAt: Date | null;
  expiresAt: Date;
}

export interface WrongCodeEvent {
  fiscalCode: string;
  type: "pin-change-code-failed" | "contact-change-code-failed";
  /** What identifies the change on the timeline, e.g. `{ changeId }`. */
  data: Record<string, unknown>;
  requestId?: string | undefined;
}

/** Throws `410 code-expired` or `400 invalid-code` (counting the attempt); returns when the code is right. */
export async function checkPendingCode(
  ctx: IdentityContext,
  table: "pin_changes" | "contact_changes",
  change: PendingCode,
  code: string,
  onWrong: WrongCodeEvent,
): Promise<void> {
  const now = ctx.clock.now();
  const max = ctx.policy.oneTimeCode.maxAttempts;
  if (change.usedAt) throw codeExpired("used");
  if (change.voidedAt) throw codeExpired("superseded");
  if (change.attempts >= max) throw codeExpired("too-many-attempts");
  if (now.getTime() >= change.expiresAt.getTime()) throw codeExpired("expired");
  if (await ctx.hasher.verify(change.codeHash, code.trim())) return;

  const result = await ctx.db.execute(sql`
    update ${sql.identifier("identity")}.${sql.identifier(table)} set attempts = attempts + 1
    where id = ${change.id} and used_at is null and attempts < ${max}::int
    returning attempts`);
  const attempts = rowsOf<{ attempts: number }>(result)[0]?.attempts;
  await recordEvent(ctx.db, {
    fiscalCode: onWrong.fiscalCode,
    type: onWrong.type,
    at: now,
    data: { ...onWrong.data, attempts: attempts ?? max },
    requestId: onWrong.requestId,
  });
  if (attempts === undefined || Number(attempts) >= max) throw codeExpired("too-many-attempts");
  throw invalidCode(max - Number(attempts));
}
