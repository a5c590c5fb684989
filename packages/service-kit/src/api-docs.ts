// /openapi.json and /docs for a service: Swagger UI served from the swagger-ui-dist package, never from a CDN,
// so the reference works on a machine without internet.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { html } from "hono/html";

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const distDir = () => dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io for a badge.
const INIT = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });\n`;

export interface ApiDocsOptions {
  title: string;
  description: string;
  version?: string;
  tags?: { name: string; description: string }[];
}

/** Serves the app's OpenAPI 3.1 document at /openapi.json and its reference page at /docs. */
export function mountApiDocs<E extends Env>(app: OpenAPIHono<E>, options: ApiDocsOptions): void {
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: options.title, version: options.version ?? "1.0.0", description: options.description },
    servers: [{ url: "/" }],
    ...(options.tags ? { tags: options.tags } : {}),
  });

  app.get("/docs", (c) =>
    c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>${options.title}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
            <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
          </head>
          <body>
            <div id="swagger-ui"></div>
            <script src="/docs/assets/swagger-ui-bundle.js"></script>
            <script src="/docs/assets/init.js"></script>
          </body>
        </html>`,
    ),
  );

  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  app.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    const headers = { "cache-control": "public, max-age=86400" };
    if (file === "init.js")
      return c.body(INIT, 200, { ...headers, "content-type": "text/javascript; charset=utf-8" });
    // Own keys only: "valueOf" or "constructor" must be a 404, not a file read that fails (found by the fuzz).
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return c.notFound();
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(join(distDir(), file)));
      cache.set(file, bytes);
    }
    return c.body(bytes, 200, { ...headers, "content-type": type });
  });
}
