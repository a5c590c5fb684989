import type { RouteHandler } from "@hono/zod-openapi";
import { pinExpiresAt, pinKindForSpidLevel } from "@inps-sim/domain";
import { eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { citizens, credentials } from "../db/schema.ts";
import { unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import type { meRoute } from "./me.routes.ts";

export const getMe =
  (ctx: IdentityContext): RouteHandler<typeof meRoute, IdentityEnv> =>
  async (c) => {
    const session = c.get("citizenSession");
    const found = await ctx.db
      .select()
      .from(citizens)
      .where(eq(citizens.fiscalCode, session.fiscalCode))
      .limit(1);
    const citizen = found[0];
    if (!citizen) throw unauthenticated();
    const person = {
      fiscalCode: citizen.fiscalCode,
      firstName: citizen.firstName,
      lastName: citizen.lastName,
      contacts: { email: citizen.email, pec: citizen.pec, mobile: citizen.mobile },
    };
    // A SPID session says what it may do as the PIN it stands for (R35); it knows nothing of the PIN itself.
    if (session.credentialId === null || session.spidLevel !== null) {
      const level = session.spidLevel ?? 1;
      return c.json(
        {
          ...person,
          pinKind: pinKindForSpidLevel(level),
          pinChangedAt: null,
          pinExpiresAt: null,
          requiredAction: null,
          spidLevel: level,
        },
        200,
      );
    }
    const rows = await ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, session.credentialId))
      .limit(1);
    const credential = rows[0];
    if (!credential) throw unauthenticated();
    const expires = credential.pinChangedAt ? pinExpiresAt(ctx.policy, credential.pinChangedAt) : null;
    return c.json(
      {
        ...person,
        pinKind: credential.kind,
        pinChangedAt: credential.pinChangedAt?.toISOString() ?? null,
        pinExpiresAt: expires?.toISOString() ?? null,
        requiredAction: session.requiredAction,
        spidLevel: null,
      },
      200,
    );
  };
