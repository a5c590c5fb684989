// Message database IDs in Mailpit's format: 22 characters of base62, random (about 131 bits).
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes from a pool, one CSPRNG call per few hundred IDs. A byte of 248 or more is skipped, so that
// every character is equally likely (248 = 4 × 62).
let pool = Buffer.alloc(0);
let used = 0;

export function newMessageId(): string {
  let out = "";
  while (out.length < 22) {
    if (used >= pool.length) {
      pool = randomBytes(4096);
      used = 0;
    }
    const byte = pool[used++]!;
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

/** What a database ID may look like (ours, or any Mailpit has used): anything else is simply not found. */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
