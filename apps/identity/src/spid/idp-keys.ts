// The test identity provider's signing key (R33): an ES256 pair made when the service starts, kept only in memory,
// its public half published as a JWKS so a test can check an assertion itself. A restart makes a new key, and
// assertions signed before it no longer verify.
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";

export interface SpidPublicJwk {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
  kid: string;
  alg: "ES256";
  use: "sig";
}

export interface SpidKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwks: { keys: SpidPublicJwk[] };
}

export function createSpidKeys(): SpidKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" }) as { x: string; y: string };
  // RFC 7638 thumbprint: the required members in lexicographic order, no spaces.
  const kid = createHash("sha256")
    .update(JSON.stringify({ crv: "P-256", kty: "EC", x: jwk.x, y: jwk.y }))
    .digest("base64url");
  return {
    privateKey,
    publicKey,
    kid,
    jwks: { keys: [{ kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, kid, alg: "ES256", use: "sig" }] },
  };
}
