// The built bundles in apps/stack/dist, and whether they still match the sources: `npm start` and the test harness
// run the bundle (one file, loaded in a fraction of the time the TypeScript sources take through tsx).
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const stackDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(stackDir, "..", "..");
const stamp = join(stackDir, "dist", "build.json");

/** The newest modification time under the directories a bundle is built from (a few hundred files: a few ms). */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const group of ["apps", "packages"]) {
    for (const pkg of readdirSync(join(root, group))) {
      visit(join(root, group, pkg, "src"));
      const manifest = join(root, group, pkg, "package.json");
      if (existsSync(manifest)) newest = Math.max(newest, statSync(manifest).mtimeMs);
    }
  }
  newest = Math.max(
    newest,
    statSync(join(root, "package-lock.json")).mtimeMs,
    statSync(join(stackDir, "scripts", "build.mjs")).mtimeMs,
  );
  return newest;
}

/** dist/<name>.mjs, if it was built after the last change to any source. */
export function bundlePath(name) {
  return join(stackDir, "dist", `${name}.mjs`);
}

export function isFresh(name) {
  return existsSync(stamp) && existsSync(bundlePath(name)) && statSync(stamp).mtimeMs >= newestSource();
}

/**
 * The URL of dist/<name>.mjs, rebuilding the bundles first when a source is newer (a fresh clone, a pull, an edit);
 * undefined when there is no bundle of that name.
 */
export async function freshBundle(name) {
  if (!isFresh(name)) {
    const { buildBundles } = await import("../scripts/build.mjs");
    await buildBundles();
  }
  return existsSync(bundlePath(name)) ? pathToFileURL(bundlePath(name)).href : undefined;
}
