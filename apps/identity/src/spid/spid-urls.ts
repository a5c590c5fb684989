// Who signs SPID assertions and for whom: the simulator's identity provider at <public URL>/spid, and the identity
// service itself (its public URL) as the service provider they are addressed to.
import type { IdentityContext } from "../context.ts";

export const spidIssuer = (ctx: IdentityContext) => `${ctx.publicUrl()}/spid`;
export const spidAudience = (ctx: IdentityContext) => ctx.publicUrl();
