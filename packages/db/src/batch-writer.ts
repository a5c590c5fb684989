// Group commit in the application: writes that arrive while one is in flight go together in the next call
// (one statement, one commit), so concurrent requests share a round trip and a disk flush instead of queueing
// for one each. Under no load a write goes alone, at once.

export interface BatchWriterOptions {
  /** The most items one call writes (default 500). */
  maxBatch?: number;
}

/**
 * Wraps `write` (which stores a batch and answers one result per item, in order) into a per-item function.
 * A batch that fails is retried one item at a time, so one bad item fails alone and its neighbours are stored.
 */
export function batchWriter<I, O>(
  write: (items: I[]) => Promise<O[]>,
  options: BatchWriterOptions = {},
): (item: I) => Promise<O> {
  const maxBatch = options.maxBatch ?? 500;
  type Entry = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Entry[] = [];
  let draining = false;

  async function writeAll(batch: Entry[]): Promise<void> {
    const out = await write(batch.map((e) => e.item));
    if (out.length !== batch.length)
      throw new Error(`batch write answered ${out.length} results for ${batch.length} items`);
    batch.forEach((e, i) => e.resolve(out[i]!));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
      try {
        await writeAll(batch);
      } catch (error) {
        if (batch.length === 1) {
          batch[0]!.reject(error);
          continue;
        }
        for (const entry of batch) {
          try {
            await writeAll([entry]);
          } catch (single) {
            entry.reject(single);
          }
        }
      }
    }
    draining = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!draining) {
        draining = true;
        // After this turn's I/O callbacks: requests that arrived together are written together.
        setImmediate(() => void drain());
      }
    });
}

/**
 * A JSON parameter for jsonb. JSON.stringify escapes a lone surrogate (\udxxx), which jsonb refuses; a text parameter
 * would have carried it as U+FFFD (UTF-8 encoding replaces it), so do the same (only then is the value serialised twice).
 */
export function jsonParam(value: unknown): string {
  const json = JSON.stringify(value);
  // JSON.stringify writes a lone surrogate as a lower-case \udxxx escape: without one there is nothing to replace.
  if (!json.includes("\\ud")) return json;
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string"
      ? v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      : v,
  );
}
