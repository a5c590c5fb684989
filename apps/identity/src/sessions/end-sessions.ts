// Ends every open session of a credential at once: after a recovery (R18) or a change of PIN (R34). Call it inside
// the transaction that changes the PIN, so no request can use the old PIN's session after the change commits.
import type { Database } from "@inps-sim/db";
import { and, eq, isNull } from "drizzle-orm";
import { sessions } from "../db/schema.ts";

/** Returns how many sessions were open. */
export async function endAllSessions(tx: Database, credentialId: string, now: Date): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.credentialId, credentialId), isNull(sessions.endedAt)))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
