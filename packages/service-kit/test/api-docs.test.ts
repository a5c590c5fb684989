// /docs works without internet: the page names no other host, and every asset it loads is served by the service.
import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createLogger, createServiceApp, jsonResponse, mountApiDocs } from "../src/index.ts";

function docsApp() {
  const app = createServiceApp({ logger: createLogger({ service: "test", level: "silent" }) });
  app.openapi(
    createRoute({
      method: "get",
      path: "/ping",
      responses: { 200: jsonResponse(z.object({ pong: z.boolean() }), "Pong") },
    }),
    (c) => c.json({ pong: true }, 200),
  );
  mountApiDocs(app, { title: "Test <service>", description: "A test service" });
  return app;
}

describe("/docs and /openapi.json", () => {
  it("publishes the routes as an OpenAPI 3.1 document", async () => {
    const res = await docsApp().request("/openapi.json");
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Test <service>");
    expect(doc.paths).toHaveProperty("/ping");
  });

  it("serves a page that loads nothing from another host, and every asset it names", async () => {
    const app = docsApp();
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<title>Test &lt;service&gt;</title>");
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^\/[^/]/);
      const asset = await app.request(ref);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(0);
    }
    const types = await Promise.all(
      refs.map(async (ref) => (await app.request(ref)).headers.get("content-type") ?? ""),
    );
    expect(types.some((t) => t.startsWith("text/css"))).toBe(true);
    expect(types.filter((t) => t.startsWith("text/javascript"))).toHaveLength(2);
  });

  it("points Swagger UI at /openapi.json and turns off its online validator", async () => {
    const init = await (await docsApp().request("/docs/assets/init.js")).text();
    expect(init).toContain('url: "/openapi.json"');
    expect(init).toContain("validatorUrl: null");
  });

  it("serves only its own assets", async () => {
    const app = docsApp();
    for (const path of [
      "/docs/assets/package.json",
      "/docs/assets/..%2Fpackage.json",
      "/docs/assets/index.html",
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});
