import type { RouteHandler } from "@hono/zod-openapi";
import { tokensEqual, ProblemError } from "@inps-sim/service-kit";
import type { MiddlewareHandler } from "hono";
import type { IdentityContext } from "../context.ts";
import { unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import { bearerToken } from "../sessions/tokens.ts";
import { idpAssertionPage, idpFormPage } from "./idp-page.ts";
import { issueAssertion } from "./issue-assertion.ts";
import { logInWithSpid } from "./spid-login.ts";
import type {
  idpFormRoute,
  idpPageRoute,
  issueAssertionRoute,
  jwksRoute,
  spidLoginRoute,
} from "./spid.routes.ts";

/** The identity provider hands out logins for any citizen: only the holder of the admin token may ask. */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler<IdentityEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    if (!token || !adminToken || !tokensEqual(token, adminToken)) throw unauthenticated();
    await next();
  };
}

export const issueAssertionHandler =
  (ctx: IdentityContext): RouteHandler<typeof issueAssertionRoute, IdentityEnv> =>
  async (c) =>
    c.json(await issueAssertion(ctx, c.req.valid("json"), c.get("requestId")), 201);

export const jwksHandler =
  (ctx: IdentityContext): RouteHandler<typeof jwksRoute, IdentityEnv> =>
  (c) =>
    c.json(ctx.spidKeys.jwks, 200);

export const idpPageHandler = (): RouteHandler<typeof idpPageRoute, IdentityEnv> => (c) =>
  c.html(idpFormPage(), 200);

export const idpFormHandler =
  (ctx: IdentityContext, adminToken: string | undefined): RouteHandler<typeof idpFormRoute, IdentityEnv> =>
  async (c) => {
    const form = c.req.valid("form");
    if (!adminToken || !tokensEqual(form.token, adminToken)) {
      return c.html(
        idpFormPage({
          fiscalCode: form.fiscalCode,
          level: form.level,
          message: "Token del pannello di controllo errato.",
        }),
        401,
      );
    }
    try {
      const issued = await issueAssertion(
        ctx,
        { fiscalCode: form.fiscalCode, level: Number(form.level) as 1 | 2 | 3 },
        c.get("requestId"),
      );
      const holder = `${issued.identity.name} ${issued.identity.familyName} (${issued.identity.fiscalNumber})`;
      return c.html(
        idpAssertionPage({
          holder,
          level: issued.level,
          assertion: issued.assertion,
          expiresAt: issued.expiresAt,
        }),
        200,
      );
    } catch (error) {
      if (error instanceof ProblemError && error.init.code === "unknown-identity") {
        return c.html(
          idpFormPage({
            fiscalCode: form.fiscalCode,
            level: form.level,
            message: error.init.detail ?? error.init.title,
          }),
          404,
        );
      }
      throw error;
    }
  };

export const spidLoginHandler =
  (ctx: IdentityContext): RouteHandler<typeof spidLoginRoute, IdentityEnv> =>
  async (c) =>
    c.json(await logInWithSpid(ctx, c.req.valid("json").assertion, c.get("requestId")), 201);
