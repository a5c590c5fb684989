// Fuzz: every route of the identity service (its OpenAPI document, and the control plane's routes from the app)
// gets hostile paths, queries, headers and bodies; no answer is a 5xx, every error is problem+json.
// Fixed seed and a bounded count here; `npm run fuzz` runs more (FUZZ_RUNS).
import {
  fuzzRoutes,
  fuzzRuns,
  routesOfApp,
  routesOfOpenApi,
  type FuzzRoute,
} from "@inps-sim/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeCitizen,
  bearer,
  createTestbed,
  login,
  OPERATOR_TOKEN,
  requestBody,
  TOKEN,
  type Testbed,
} from "./support.ts";

let tb: Testbed;
let session: Record<string, string>;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
  const { persona, pin } = await activeCitizen(tb);
  session = bearer((await login(tb, persona.fiscalCode, pin)).body.token);
});
afterAll(() => tb.close());

// Resetting wipes the citizen the session belongs to; the clock is fuzzed, but only forward within its range.
const SKIP = new Set(["POST /__sim/reset"]);

describe("fuzzing the identity service", () => {
  it("answers every hostile request without a 5xx, errors as problem+json", async ({ annotate }) => {
    const doc = (await (await tb.call("GET", "/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = routesOfOpenApi(doc);
    const routes: FuzzRoute[] = [
      ...documented,
      ...routesOfApp(tb.app).filter(
        (r) => !documented.some((d) => d.method === r.method && d.path === r.path),
      ),
    ].filter((r) => !SKIP.has(`${r.method} ${r.path}`));
    const report = await fuzzRoutes({
      routes,
      send: (method, path, init) => Promise.resolve(tb.app.request(path, { method, ...init })),
      seed: 20261202,
      numRuns: fuzzRuns(400),
      auth: [
        {},
        session,
        { authorization: `Bearer ${OPERATOR_TOKEN}` },
        { authorization: `Bearer ${TOKEN}` },
        { authorization: "Bearer x\u00e8" },
      ],
      queryNames: ["fiscalCode", "status", "since", "limit"],
      example: (route) => {
        const p = tb.persona();
        const examples: Record<string, unknown> = {
          "POST /api/v1/pin-requests": requestBody(p),
          "POST /api/v1/operator/pin-requests": requestBody(p),
          "POST /__sim/citizens": { ...requestBody(p), pin: "Gatto7Bl" },
          "POST /api/v1/sessions": { fiscalCode: p.fiscalCode, pin: "Gatto7Bl" },
          "POST /api/v1/pin-activations": {
            fiscalCode: p.fiscalCode,
            firstHalf: "ABCD1234",
            healthCard: p.healthCard,
          },
          "POST /api/v1/me/pin-changes": {
            currentPin: "Gatto7Bl",
            newPin: "Cane8Ros",
            confirmPin: "Cane8Ros",
          },
        };
        return examples[`${route.method} ${route.path}`];
      },
    });
    await annotate(
      `${routes.length} routes, ${report.requests} requests, statuses ${JSON.stringify(report.statuses)}`,
    );
    expect(report.failures).toEqual([]);
  }, 300_000);
});
