// How every PGlite of the simulator is made and kept, in this thread or in PGlite's worker (pglite-worker.ts): its
// settings, its extension, its checkpoints. Imports nothing but PGlite, so the worker's bundle stays small.
import type { PGlite } from "@electric-sql/pglite";

// An embedded simulator needs no 128 MB buffer cache: this takes ~115 MB off the stack's memory. The WAL sizes
// bound what a checkpoint keeps (two 16 MB segments) instead of PostgreSQL's 80 MB to 1 GB.
/** PGlite's postgresql.conf settings for every database it opens (the startup benchmark's floor opens with them too). */
export const PGLITE_SETTINGS = [
  "shared_buffers=16MB",
  "wal_buffers=1MB",
  "temp_buffers=1MB",
  "work_mem=4MB",
  "maintenance_work_mem=16MB",
  "min_wal_size=32MB",
  "max_wal_size=64MB",
];

export async function createPglite(where: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  return PGlite.create({
    ...where,
    postgresqlconf: PGLITE_SETTINGS,
    // Trigram indexes for the mail gateway's substring search; loading it costs ~20 ms and a few MB.
    extensions: { pg_trgm },
  });
}

/**
 * PGlite runs PostgreSQL in single-user mode: no checkpointer, so the WAL would grow with every write until the
 * next start (2.2 GB after 100,000 stored messages). Checkpoint now and then, when the WAL has moved since the last.
 */
export function checkpointWhenWritten(client: PGlite, everyMs: number): () => void {
  let last = "";
  let busy = false;
  const lsn = async () =>
    (await client.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn")).rows[0]?.lsn ??
    "";
  const timer = setInterval(() => {
    if (busy || client.closed) return;
    busy = true;
    void (async () => {
      if ((await lsn()) === last) return;
      await client.exec("CHECKPOINT");
      last = await lsn();
    })()
      .catch(() => undefined) // closed under us, or a transaction in the way: the next tick tries again
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
