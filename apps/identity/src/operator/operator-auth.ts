// Operator (contact centre, INPS office) bearer tokens from OPERATOR_TOKENS, compared in constant time.
import { tokensEqual } from "@inps-sim/service-kit";
import type { MiddlewareHandler } from "hono";
import type { IdentityContext } from "../context.ts";
import { unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import { bearerToken } from "../sessions/tokens.ts";

export function requireOperator(ctx: IdentityContext): MiddlewareHandler<IdentityEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    // Compare with every token, so the time taken does not tell how many exist or which one was close.
    let operatorId: string | undefined;
    for (const t of ctx.operatorTokens) if (token && tokensEqual(token, t.token)) operatorId ??= t.operatorId;
    if (!operatorId) throw unauthenticated();
    c.set("operatorId", operatorId);
    await next();
  };
}
