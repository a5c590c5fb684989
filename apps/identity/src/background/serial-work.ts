// Work that runs after the answer has gone, one job at a time in arrival order, so an answer's time never depends
// on what the job finds (R15) and a newer job for the same citizen always runs after an older one.
import type { Logger } from "@inps-sim/service-kit";

export interface SerialWork {
  /** Queues `job`; a failure is logged, never thrown at the caller (who has already answered). */
  run(what: string, job: () => Promise<void>): void;
  /** Resolves when every queued job has finished (tests, the control plane's drain and clock moves). */
  idle(): Promise<void>;
}

export function createSerialWork(logger: Logger): SerialWork {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(what, job) {
      // Started on a later turn of the event loop: the answer leaves before the job takes the thread (PGlite
      // runs in this thread), so the job's work never shows in the answer's time.
      tail = tail
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(job)
        .catch((err: unknown) => {
          logger.error({ err, job: what }, "background job failed");
        });
    },
    async idle() {
      // A job may queue another while we wait: wait until the tail stops moving.
      for (let seen: Promise<void> | undefined; seen !== tail;) {
        seen = tail;
        await seen;
      }
    },
  };
}
