// Builds every service into ESM bundles in apps/stack/dist (esbuild, well under a second), then the PGlite
// template. Run by `npm ci` (the root `prepare` script), `npm run build`, and by bin/run.mjs when a source changed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const stackDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const root = join(stackDir, "..", "..");
export const distDir = join(stackDir, "dist");
/** Written last: its time is the build's, against which bin/run.mjs compares the sources. */
export const stampFile = join(distDir, "build.json");

/** The stack, and each app that runs alone (apps/<name>/src/main.ts) under its own name: dist/<name>.mjs. */
export function entryPoints() {
  // start-stack: the library (startStack) for the test harness, which runs the stack in its own workers.
  const entries = {
    stack: join(stackDir, "src", "main.ts"),
    "start-stack": join(stackDir, "src", "index.ts"),
    "prepare-template": join(stackDir, "src", "prepare-template.ts"),
    // PGlite's worker thread (packages/db/src/pglite-thread.ts), found beside the bundle: see workerUrl below.
    "pglite-worker": join(root, "packages", "db", "src", "pglite-worker.ts"),
  };
  for (const app of readdirSync(join(root, "apps"))) {
    const main = join(root, "apps", app, "src", "main.ts");
    if (app !== "stack" && existsSync(main)) entries[app] = main;
  }
  return entries;
}

// Code that finds files next to itself (`new URL("../drizzle", import.meta.url)`) keeps finding them next to its
// source: in the bundle, import.meta.url becomes the source file's URL, relative to the bundle's own.
const sourceUrls = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const contents = readFileSync(args.path, "utf8");
      if (!contents.includes("import.meta.url")) return undefined;
      const fromDist = relative(distDir, args.path).split(sep).join("/");
      return {
        contents: contents.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
        ),
        loader: "ts",
      };
    });
  },
};

// From the sources PGlite's worker starts from a bootstrap that loads TypeScript (packages/db/src/pglite-worker-url.ts);
// in the bundle it starts from its own build, dist/pglite-worker.mjs, beside every chunk.
const workerUrl = {
  name: "pglite-worker-url",
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/]db[\\/]src[\\/]pglite-worker-url\.ts$/ }, () => ({
      contents: `export const pgliteWorkerUrl = new URL("./pglite-worker.mjs", import.meta.url);`,
      loader: "js",
    }));
  },
};

// Bundled CommonJS packages (nodemailer, mailparser…) call require() for Node's own modules.
const requireShim = `import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);`;

export const buildOptions = () => ({
  entryPoints: entryPoints(),
  outdir: distDir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  // WASM and data files found next to the package (PGlite), a native addon (argon2): loaded from node_modules.
  external: ["@electric-sql/pglite", "@node-rs/argon2"],
  banner: { js: requireShim },
  plugins: [workerUrl, sourceUrls],
  legalComments: "none",
  logLevel: "warning",
});

/**
 * The simulator's Cucumber steps (packages/cucumber) for this repository's own suite (features/support/inps-sim.mjs):
 * every Cucumber process loads them, in half the CPU time the TypeScript sources take through tsx. Cucumber itself,
 * playwright and pdf.js stay outside (one Cucumber instance; the other two load on first use, from their packages,
 * pdf.js with its fonts beside it).
 * With a source map, so the step definitions' locations (reports, `--format usage`, docs/steps.md) and a failing
 * step's stack name the TypeScript sources.
 */
export const stepsBuildOptions = () => ({
  ...buildOptions(),
  entryPoints: { "cucumber-steps": join(root, "packages", "cucumber", "src", "index.ts") },
  external: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "@cucumber/cucumber",
    "playwright-core",
    "@inps-sim/stack/bundle",
    "pdfjs-dist",
  ],
  sourcemap: "linked",
});

export async function buildBundles() {
  const { build } = await import("esbuild");
  mkdirSync(distDir, { recursive: true });
  const started = performance.now();
  await Promise.all([build(buildOptions()), build(stepsBuildOptions())]);
  writeFileSync(stampFile, JSON.stringify({ builtAt: new Date().toISOString() }) + "\n");
  return performance.now() - started;
}

/** Makes (or remakes, when the migrations changed) the PGlite template, in a process of its own. */
export function prepareTemplate() {
  const result = spawnSync(process.execPath, [join(distDir, "prepare-template.mjs")], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("the PGlite template could not be built");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ms = await buildBundles();
  process.stdout.write(
    `bundles built in ${(ms / 1000).toFixed(1)} s: ${relative(process.cwd(), distDir) || "."}\n`,
  );
  if (!process.argv.includes("--no-template")) prepareTemplate();
}
