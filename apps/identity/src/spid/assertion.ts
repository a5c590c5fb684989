// The SPID assertion as this simulator carries it: a JWT (ES256) standing for the SAML response a real identity
// provider would post (a real SAML exchange is out of scope). Claims follow SPID's attribute names.
import { SPID_LEVEL_URIS, spidLevelOfUri, type SpidLevel } from "@inps-sim/domain";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { SpidKeys } from "./idp-keys.ts";

/** Why an assertion is refused: the `reason` of 401 spid-assertion-rejected. */
export type AssertionRejection =
  | "malformed"
  | "signature"
  | "issuer"
  | "audience"
  | "expired"
  | "not-yet-valid"
  | "replayed"
  | "unknown-citizen";

export interface AssertionIdentity {
  fiscalCode: string;
  name: string;
  familyName: string;
  dateOfBirth: string;
}

export interface IssueInput {
  identity: AssertionIdentity;
  level: SpidLevel;
  issuer: string;
  audience: string;
  now: Date;
  lifetimeSeconds: number;
  jti: string;
}

/** SPID writes the fiscal code as TINIT-<codice fiscale>. */
const FISCAL_NUMBER = /^TINIT-([A-Z0-9]{16})$/;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function signAssertion(
  keys: SpidKeys,
  input: IssueInput,
): Promise<{ assertion: string; expiresAt: Date }> {
  const iat = seconds(input.now);
  const exp = iat + input.lifetimeSeconds;
  const assertion = await new SignJWT({
    acr: SPID_LEVEL_URIS[input.level],
    spidLevel: input.level,
    fiscalNumber: `TINIT-${input.identity.fiscalCode}`,
    name: input.identity.name,
    familyName: input.identity.familyName,
    dateOfBirth: input.identity.dateOfBirth,
  })
    .setProtectedHeader({ alg: "ES256", kid: keys.kid, typ: "JWT" })
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setSubject(`TINIT-${input.identity.fiscalCode}`)
    .setJti(input.jti)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(exp)
    .sign(keys.privateKey);
  return { assertion, expiresAt: new Date(exp * 1000) };
}

const claimsSchema = z.object({
  sub: z.string().regex(FISCAL_NUMBER),
  jti: z.string().min(1).max(128),
  exp: z.number(),
  acr: z.string(),
});

export type VerifiedAssertion =
  | { ok: true; fiscalCode: string; level: SpidLevel; jti: string; expiresAt: Date }
  | { ok: false; reason: AssertionRejection };

/** Signature, issuer, audience, validity window and claims; single use is the caller's (it needs the database). */
export async function verifyAssertion(
  keys: SpidKeys,
  assertion: string,
  expected: { issuer: string; audience: string; now: Date },
): Promise<VerifiedAssertion> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(assertion, keys.publicKey, {
      algorithms: ["ES256"],
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: expected.now,
      requiredClaims: ["sub", "jti", "exp", "iat", "acr"],
    }));
  } catch (error) {
    return { ok: false, reason: rejectionOf(error) };
  }
  const claims = claimsSchema.safeParse(payload);
  const level = claims.success ? spidLevelOfUri(claims.data.acr) : undefined;
  if (!claims.success || level === undefined) return { ok: false, reason: "malformed" };
  const fiscalCode = FISCAL_NUMBER.exec(claims.data.sub)![1]!;
  return { ok: true, fiscalCode, level, jti: claims.data.jti, expiresAt: new Date(claims.data.exp * 1000) };
}

function rejectionOf(error: unknown): AssertionRejection {
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature";
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return "malformed";
    if (error.claim === "iss") return "issuer";
    if (error.claim === "aud") return "audience";
    if (error.claim === "nbf" || error.claim === "iat") return "not-yet-valid";
  }
  // A wrong algorithm, a broken token, a header or claim of the wrong type.
  return "malformed";
}
