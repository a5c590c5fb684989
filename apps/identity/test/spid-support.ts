// SPID in the tests: an assertion from the simulator's identity provider, and a login with it.
import { bearer, TOKEN, type Testbed } from "./support.ts";

export async function spidAssertion(
  tb: Testbed,
  fiscalCode: string,
  level: number,
  extra: Record<string, unknown> = {},
) {
  const res = await tb.call("POST", "/spid/assertions", { fiscalCode, level, ...extra }, bearer(TOKEN));
  if (res.status !== 201)
    throw new Error(`the identity provider answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as {
    assertion: string;
    issuer: string;
    audience: string;
    level: number;
    expiresAt: string;
    identity: Record<string, string>;
  };
}

export async function spidLogin(tb: Testbed, assertion: unknown) {
  const res = await tb.call("POST", "/api/v1/sessions/spid", { assertion });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

/** A SPID session's token for that citizen at that level. */
export async function spidSession(tb: Testbed, fiscalCode: string, level: number): Promise<string> {
  const { res, body } = await spidLogin(tb, (await spidAssertion(tb, fiscalCode, level)).assertion);
  if (res.status !== 201) throw new Error(`SPID login answered ${res.status}: ${JSON.stringify(body)}`);
  return String(body.token);
}
