// One helper for "do this atomically": drizzle's transaction, typed as the shared Database.
import type { Database } from "./database.ts";

export function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Database));
}
