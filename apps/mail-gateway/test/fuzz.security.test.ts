// Fuzz: every route of the mail gateway's HTTP side (from the Hono app's route list) gets hostile paths, queries,
// headers and bodies; no answer is a 5xx. Mailpit's routes may answer errors as Mailpit does (plain text); every
// other error is problem+json. Fixed seed, bounded count; `npm run fuzz` runs more.
import { fuzzRoutes, fuzzRuns, routesOfApp } from "@inps-sim/service-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailApp } from "../src/app.ts";
import { createLogger, FaultInjector } from "@inps-sim/service-kit";
import { auth, startTestService, TOKEN, type TestService } from "./support.ts";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.close());

const SKIP = new Set([
  "PUT /__sim/faults",
  "PUT /__sim/smtp-faults",
  "POST /__sim/reset",
  "PUT /api/v1/chaos",
]);
const MAILPIT = /^\/(api\/v1|view)\//;

describe("fuzzing the mail gateway's HTTP side", () => {
  it("answers every hostile request without a 5xx", async ({ annotate }) => {
    // The route list of an app built the same way as the running one.
    const listed = createMailApp({
      db: svc.handle.db,
      database: { kind: svc.handle.kind, location: svc.handle.location },
      clock: {
        now: () => new Date(),
        advance: async () => new Date(),
        setTo: async (d) => d,
        catchUpTo: async (d) => d,
      },
      logger: createLogger({ service: "mail-gateway", level: "silent" }),
      faults: new FaultInjector("fuzz"),
      adminToken: TOKEN,
      mailbox: svc.service.mailbox,
    });
    const routes = routesOfApp(listed).filter((r) => !SKIP.has(`${r.method} ${r.path}`));
    const report = await fuzzRoutes({
      routes,
      send: (method, path, init) => svc.http(path, { method, ...init }),
      seed: 20261202,
      numRuns: fuzzRuns(200),
      auth: [{}, auth],
      queryNames: ["query", "q", "start", "limit"],
      mayAnswerPlain: (route) => MAILPIT.test(route.path),
    });
    await annotate(
      `${routes.length} routes, ${report.requests} requests, statuses ${JSON.stringify(report.statuses)}`,
    );
    expect(report.failures).toEqual([]);
  }, 300_000);
});
