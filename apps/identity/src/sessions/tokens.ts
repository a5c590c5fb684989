// Session tokens: 256 random bits shown once to the citizen, stored as SHA-256 (enough for a high-entropy token).
import { createHash, randomBytes } from "node:crypto";

export const newSessionToken = () => `ses_${randomBytes(32).toString("base64url")}`;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  return match?.[1];
}
