// POST /api/v1/sessions/spid (R33, R35): the service provider's side. The assertion must be the simulator's
// identity provider's, for this service, in its validity window, and new: each opens one session. A SPID session
// stands on no PIN (credentialId null): what it may do follows its level.
import {
  pinKindForSpidLevel,
  sessionExpiresAt,
  spidAvailable,
  type PinKind,
  type SpidLevel,
} from "@inps-sim/domain";
import { inTransaction } from "@inps-sim/db";
import { eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { citizens, sessions, spidAssertionsUsed } from "../db/schema.ts";
import { hashToken, newSessionToken } from "../sessions/tokens.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { verifyAssertion, type AssertionRejection } from "./assertion.ts";
import { spidAssertionRejected, spidNotAvailable } from "./problems.ts";
import { spidAudience, spidIssuer } from "./spid-urls.ts";

export interface SpidSessionOpened {
  token: string;
  expiresAt: string;
  pinKind: PinKind;
  requiredAction: null;
  spidLevel: SpidLevel;
}

class Replayed extends Error {}

export async function logInWithSpid(
  ctx: IdentityContext,
  assertion: string,
  requestId?: string,
): Promise<SpidSessionOpened> {
  const now = ctx.clock.now();
  if (!spidAvailable(now)) throw spidNotAvailable();
  const verified = await verifyAssertion(ctx.spidKeys, assertion, {
    issuer: spidIssuer(ctx),
    audience: spidAudience(ctx),
    now,
  });
  if (!verified.ok) throw spidAssertionRejected(verified.reason);
  const refuse = async (reason: AssertionRejection) => {
    await recordEvent(ctx.db, {
      fiscalCode: verified.fiscalCode,
      type: "spid-login-refused",
      at: now,
      data: { reason, spidLevel: verified.level },
      requestId,
    });
    return spidAssertionRejected(reason);
  };
  const known = await ctx.db
    .select({ fiscalCode: citizens.fiscalCode })
    .from(citizens)
    .where(eq(citizens.fiscalCode, verified.fiscalCode))
    .limit(1);
  if (!known[0]) throw spidAssertionRejected("unknown-citizen");
  const token = newSessionToken();
  const expiresAt = sessionExpiresAt(ctx.policy, now);
  try {
    await inTransaction(ctx.db, async (tx) => {
      // Single use: of two logins with one assertion, exactly one inserts its id.
      const used = await tx
        .insert(spidAssertionsUsed)
        .values({
          jti: verified.jti,
          fiscalCode: verified.fiscalCode,
          usedAt: now,
          expiresAt: verified.expiresAt,
        })
        .onConflictDoNothing()
        .returning({ jti: spidAssertionsUsed.jti });
      if (used.length === 0) throw new Replayed();
      await tx.insert(sessions).values({
        tokenHash: hashToken(token),
        credentialId: null,
        fiscalCode: verified.fiscalCode,
        requiredAction: null,
        spidLevel: verified.level,
        createdAt: now,
        expiresAt,
      });
      await recordEvent(tx, {
        fiscalCode: verified.fiscalCode,
        type: "login-succeeded",
        at: now,
        data: { via: "spid", spidLevel: verified.level },
        requestId,
      });
    });
  } catch (error) {
    if (error instanceof Replayed) throw await refuse("replayed");
    throw error;
  }
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    pinKind: pinKindForSpidLevel(verified.level),
    requiredAction: null,
    spidLevel: verified.level,
  };
}
