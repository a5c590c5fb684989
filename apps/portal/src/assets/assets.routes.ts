// The portal's stylesheet and its one small script, read once from this folder and served with a long cache.
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import type { PortalEnv } from "../http/env.ts";

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), "utf8");

export function assetsRoutes(): Hono<PortalEnv> {
  const css = read("portal.css");
  const js = read("print.js");
  const app = new Hono<PortalEnv>();
  const cache = "public, max-age=3600";
  app.get("/portal.css", (c) =>
    c.body(css, 200, { "content-type": "text/css; charset=utf-8", "cache-control": cache }),
  );
  app.get("/print.js", (c) =>
    c.body(js, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": cache }),
  );
  return app;
}
