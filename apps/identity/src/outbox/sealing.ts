// Outbox payloads may carry a PIN half or a code: they rest sealed (AES-256-GCM) until delivered, then are wiped.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface Sealer {
  seal(value: unknown): string;
  open<T>(sealed: string): T;
}

/** A 32-byte key: OUTBOX_KEY (base64) when given, else derived from the seed so restarts can still open the outbox. */
export function outboxKey(configured: string | undefined, seed: string): Buffer {
  if (configured) {
    const key = Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("OUTBOX_KEY must be 32 bytes, base64-encoded");
    return key;
  }
  return createHash("sha256").update(`inps-sim outbox key\u0000${seed}`).digest();
}

export function createSealer(key: Buffer): Sealer {
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    open<T>(sealed: string): T {
      const raw = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
      return JSON.parse(text) as T;
    },
  };
}
