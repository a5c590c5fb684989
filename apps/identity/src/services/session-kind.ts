// Whether a session may submit applications (R27, R35): a PIN dispositivo does, and so does SPID from level 2.
import { pinKindForSpidLevel, type PinKind } from "@inps-sim/domain";
import { eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { credentials } from "../db/schema.ts";
import type { CitizenSession } from "../sessions/session-auth.ts";

export async function sessionPinKind(ctx: IdentityContext, session: CitizenSession): Promise<PinKind> {
  if (session.spidLevel !== null) return pinKindForSpidLevel(session.spidLevel);
  if (session.credentialId === null) return "ordinary";
  const rows = await ctx.db
    .select({ kind: credentials.kind })
    .from(credentials)
    .where(eq(credentials.id, session.credentialId))
    .limit(1);
  return rows[0]?.kind === "dispositivo" ? "dispositivo" : "ordinary";
}
