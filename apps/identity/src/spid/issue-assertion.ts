// The test identity provider (R33): an assertion for a citizen of the simulator, at the level asked.
import { randomUUID } from "node:crypto";
import type { SpidLevel } from "@inps-sim/domain";
import { eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { normalizeFiscalCode } from "../credentials/store.ts";
import { citizens } from "../db/schema.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { signAssertion } from "./assertion.ts";
import { unknownIdentity } from "./problems.ts";
import { spidAudience, spidIssuer } from "./spid-urls.ts";

export interface AssertionRequest {
  fiscalCode: string;
  level: SpidLevel;
  audience?: string | undefined;
  lifetimeSeconds?: number | undefined;
}

export const DEFAULT_ASSERTION_LIFETIME_SECONDS = 300;

export async function issueAssertion(ctx: IdentityContext, input: AssertionRequest, requestId?: string) {
  const rows = await ctx.db
    .select()
    .from(citizens)
    .where(eq(citizens.fiscalCode, normalizeFiscalCode(input.fiscalCode)))
    .limit(1);
  const citizen = rows[0];
  if (!citizen) throw unknownIdentity();
  const now = ctx.clock.now();
  const identity = {
    fiscalCode: citizen.fiscalCode,
    name: citizen.firstName,
    familyName: citizen.lastName,
    dateOfBirth: citizen.birthDate,
  };
  const issuer = spidIssuer(ctx);
  const audience = input.audience ?? spidAudience(ctx);
  const { assertion, expiresAt } = await signAssertion(ctx.spidKeys, {
    identity,
    level: input.level,
    issuer,
    audience,
    now,
    lifetimeSeconds: input.lifetimeSeconds ?? DEFAULT_ASSERTION_LIFETIME_SECONDS,
    jti: randomUUID(),
  });
  await recordEvent(ctx.db, {
    fiscalCode: citizen.fiscalCode,
    type: "spid-assertion-issued",
    at: now,
    data: { level: input.level },
    requestId,
  });
  return {
    assertion,
    issuer,
    audience,
    level: input.level,
    expiresAt: expiresAt.toISOString(),
    identity: {
      fiscalNumber: `TINIT-${identity.fiscalCode}`,
      name: identity.name,
      familyName: identity.familyName,
      dateOfBirth: identity.dateOfBirth,
    },
  };
}
