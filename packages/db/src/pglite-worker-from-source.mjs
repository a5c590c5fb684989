// PGlite's worker thread run from the TypeScript sources (tests, tsx): tsx first, then the worker itself.
import { register } from "tsx/esm/api";

register();
await import("./pglite-worker.ts");
