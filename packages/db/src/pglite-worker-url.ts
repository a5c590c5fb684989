// Where PGlite's worker thread starts. From the sources (tsx, vitest): a bootstrap that teaches the worker TypeScript
// first, since a worker does not inherit the main thread's loader. The stack's bundle replaces this module with one
// pointing at its own build of the worker, dist/pglite-worker.mjs (apps/stack/scripts/build.mjs).
export const pgliteWorkerUrl = new URL("./pglite-worker-from-source.mjs", import.meta.url);
