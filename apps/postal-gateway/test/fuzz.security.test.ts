// Fuzz: every route of the postal gateway (from the Hono app's route list) gets hostile paths, queries, headers and
// bodies; no answer is a 5xx, every error is problem+json. Fixed seed, bounded count; `npm run fuzz` runs more.
import { fuzzRoutes, fuzzRuns, routesOfApp } from "@inps-sim/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, recipient, TOKEN, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

const SKIP = new Set(["PUT /__sim/faults", "POST /__sim/reset"]);

describe("fuzzing the postal gateway", () => {
  it("answers every hostile request without a 5xx, errors as problem+json", async ({ annotate }) => {
    const routes = routesOfApp(tb.app).filter((r) => !SKIP.has(`${r.method} ${r.path}`));
    const report = await fuzzRoutes({
      routes,
      send: (method, path, init) => Promise.resolve(tb.app.request(path, { method, ...init })),
      seed: 20261202,
      numRuns: fuzzRuns(300),
      auth: [{}, { authorization: `Bearer ${TOKEN}` }],
      queryNames: ["name", "postalCode", "status"],
      example: (route) =>
        route.method === "POST" && route.path === "/api/v1/letters"
          ? {
              recipient: recipient(),
              service: "ordinaria",
              subject: "PIN",
              body: "Seconda parte del PIN: ABCD1234",
            }
          : undefined,
    });
    await annotate(
      `${routes.length} routes, ${report.requests} requests, statuses ${JSON.stringify(report.statuses)}`,
    );
    expect(report.failures).toEqual([]);
  }, 300_000);
});
