// The recovery link's token: 256 random bits in the URL, kept as SHA-256 (like session tokens).
import { createHash, randomBytes } from "node:crypto";

export const newRecoveryToken = () => `rip_${randomBytes(32).toString("base64url")}`;

export const hashRecoveryToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The code as the citizen may type it: surrounding spaces and lower case forgiven (the alphabet is capitals). */
export const normalizeRecoveryCode = (code: string) => code.trim().toUpperCase();
