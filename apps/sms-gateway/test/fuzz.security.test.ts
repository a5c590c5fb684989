// Fuzz: every route of the SMS gateway (from the Hono app's route list) gets hostile paths, queries, headers and
// bodies; no answer is a 5xx, every error is problem+json. Fixed seed, bounded count; `npm run fuzz` runs more.
import { fuzzRoutes, fuzzRuns, routesOfApp } from "@inps-sim/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, TOKEN, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  // Delivery reports go nowhere: the fuzz must not reach out to the URLs it makes up.
  tb = await createTestbed({ fetch: async () => new Response(null, { status: 204 }) });
});
afterAll(() => tb.close());

// Faults would turn later answers into the injected ones; a reset only slows the run.
const SKIP = new Set(["PUT /__sim/faults", "POST /__sim/reset"]);

describe("fuzzing the SMS gateway", () => {
  it("answers every hostile request without a 5xx, errors as problem+json", async ({ annotate }) => {
    const routes = routesOfApp(tb.app).filter((r) => !SKIP.has(`${r.method} ${r.path}`));
    const report = await fuzzRoutes({
      routes,
      send: (method, path, init) => Promise.resolve(tb.app.request(path, { method, ...init })),
      seed: 20261202,
      numRuns: fuzzRuns(300),
      auth: [{}, { authorization: `Bearer ${TOKEN}` }],
      queryNames: ["to", "since", "limit"],
      example: (route) =>
        route.method === "POST" && route.path === "/api/v1/messages"
          ? {
              to: "+393331234567",
              from: "INPS",
              text: "Prima parte del PIN: ABCD1234",
              statusCallback: "http://127.0.0.1:9/cb",
            }
          : undefined,
    });
    await annotate(
      `${routes.length} routes, ${report.requests} requests, statuses ${JSON.stringify(report.statuses)}`,
    );
    expect(report.failures).toEqual([]);
  }, 300_000);
});
