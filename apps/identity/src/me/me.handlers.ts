import type { RouteHandler } from "@hono/zod-openapi";
import { pinExpiresAt } from "@inps-sim/domain";
import { eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { citizens, credentials } from "../db/schema.ts";
import { unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import type { meRoute } from "./me.routes.ts";

export const getMe =
  (ctx: IdentityContext): RouteHandler<typeof meRoute, IdentityEnv> =>
  async (c) => {
    const session = c.get("session");
    const rows = await ctx.db
      .select({ citizen: citizens, credential: credentials })
      .from(credentials)
      .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
      .where(eq(credentials.id, session.credentialId));
    const row = rows[0];
    if (!row) throw unauthenticated();
    const { citizen, credential } = row;
    const expires = credential.pinChangedAt ? pinExpiresAt(ctx.policy, credential.pinChangedAt) : null;
    return c.json(
      {
        fiscalCode: citizen.fiscalCode,
        firstName: citizen.firstName,
        lastName: citizen.lastName,
        contacts: { email: citizen.email, pec: citizen.pec, mobile: citizen.mobile },
        pinKind: credential.kind,
        pinChangedAt: credential.pinChangedAt?.toISOString() ?? null,
        pinExpiresAt: expires?.toISOString() ?? null,
        requiredAction: session.requiredAction,
      },
      200,
    );
  };
