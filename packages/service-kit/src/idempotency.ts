// Idempotency-Key for creating POSTs: the first answer is stored in the service's own table and
// replayed to every retry with the same key, so a retry creates nothing new.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { integer, jsonb, primaryKey, text, timestamp, type PgSchema } from "drizzle-orm/pg-core";
import type { Database } from "@inps-sim/db";
import { ProblemError, validationFailed } from "./problem.ts";

/** The table a service keeps its idempotency keys in, inside its own Postgres schema. */
export function idempotencyKeysTable(schema: PgSchema<string>) {
  return schema.table(
    "idempotency_keys",
    {
      /** What the key is for, e.g. "POST /api/v1/messages": one key may be reused on another endpoint. */
      scope: text("scope").notNull(),
      key: text("key").notNull(),
      /** A hash of the request body: the same key with another body is refused. */
      fingerprint: text("fingerprint").notNull(),
      /** 0 while the first request is still being handled. */
      status: integer("status").notNull(),
      body: jsonb("body"),
      createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    },
    (t) => [primaryKey({ columns: [t.scope, t.key] })],
  );
}

export type IdempotencyKeysTable = ReturnType<typeof idempotencyKeysTable>;

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, validated (1–255 visible ASCII characters), or undefined. */
export function readIdempotencyKey(req: { header(name: string): string | undefined }): string | undefined {
  const key = req.header("idempotency-key");
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw validationFailed([
      { path: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters" },
    ]);
  }
  return key;
}

export function fingerprintOf(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value) ?? "")
    .digest("base64url");
}

export interface StoredAnswer<B> {
  status: number;
  body: B;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `create` once per (scope, key). Without a key it simply runs. With one, the key row and the
 * created records commit in one transaction, so a concurrent retry waits for the first and replays it.
 */
export async function idempotent<B>(
  db: Database,
  table: IdempotencyKeysTable,
  request: { scope: string; key: string | undefined; fingerprint: string; now: Date },
  create: (tx: Database) => Promise<{ status: number; body: B }>,
): Promise<StoredAnswer<B>> {
  const { key } = request;
  if (key === undefined) return { ...(await create(db)), replayed: false };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(table)
      .values({
        scope: request.scope,
        key,
        fingerprint: request.fingerprint,
        status: 0,
        body: null,
        createdAt: request.now,
      })
      .onConflictDoNothing()
      .returning({ key: table.key });
    if (inserted.length === 0) return replayAnswer<B>(tx as unknown as Database, table, { ...request, key });
    const answer = await create(tx as unknown as Database);
    await tx
      .update(table)
      .set({ status: answer.status, body: answer.body as unknown })
      .where(and(eq(table.scope, request.scope), eq(table.key, key)));
    return { ...answer, replayed: false };
  });
}

/**
 * The answer stored under a key that was already taken: replayed when the request is the same, refused when the key
 * was used for another request (422) or its first request is still being handled (409).
 */
export async function replayAnswer<B>(
  db: Database,
  table: IdempotencyKeysTable,
  request: { scope: string; key: string; fingerprint: string },
): Promise<StoredAnswer<B>> {
  const rows = await db
    .select()
    .from(table)
    .where(and(eq(table.scope, request.scope), eq(table.key, request.key)));
  const first = rows[0];
  if (!first || first.status === 0) {
    throw new ProblemError({
      status: 409,
      code: "idempotency-key-in-use",
      title: "Una richiesta con questa Idempotency-Key è ancora in corso",
    });
  }
  if (first.fingerprint !== request.fingerprint) {
    throw new ProblemError({
      status: 422,
      code: "idempotency-key-reused",
      title: "Questa Idempotency-Key è già stata usata per una richiesta diversa",
      detail:
        "Usi una nuova Idempotency-Key per una richiesta diversa; un nuovo tentativo deve ripetere esattamente il primo corpo.",
    });
  }
  return { status: first.status, body: first.body as B, replayed: true };
}
