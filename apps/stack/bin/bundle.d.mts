// Types of bundle.mjs (plain JavaScript: bin/run.mjs runs without TypeScript).
/** dist/<name>.mjs (apps/stack/dist). */
export function bundlePath(name: string): string;
/** Whether dist/<name>.mjs exists and was built after the last change to any source. */
export function isFresh(name: string): boolean;
/** The URL of dist/<name>.mjs, rebuilt first when a source is newer; undefined when there is no such bundle. */
export function freshBundle(name: string): Promise<string | undefined>;
