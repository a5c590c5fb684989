// Route fuzzing for the services' tests: every route (from an OpenAPI document or a Hono app's route list) gets
// hostile paths, queries, headers and bodies from fast-check with a fixed seed; no answer may be a 5xx, and every
// error must be problem+json (unless the route answers as the system it copies, e.g. Mailpit).
import fc from "fast-check";

export interface FuzzRoute {
  method: string;
  /** Hono style: `/api/v1/messages/:id`. */
  path: string;
}

/** The routes a Hono app registered (middleware and wildcards left out). */
export function routesOfApp(app: { routes: { method: string; path: string }[] }): FuzzRoute[] {
  const seen = new Map<string, FuzzRoute>();
  for (const r of app.routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** The routes of an OpenAPI document (`{param}` becomes `:param`). */
export function routesOfOpenApi(doc: { paths: Record<string, Record<string, unknown>> }): FuzzRoute[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{([^}]+)\}/g, ":$1") })),
  );
}

export interface FuzzOptions {
  routes: FuzzRoute[];
  /** Sends one request (in memory or over HTTP). */
  send(
    method: string,
    path: string,
    init: { headers: Record<string, string>; body?: string },
  ): Promise<Response>;
  seed: number;
  numRuns: number;
  /** Header sets to try (e.g. none, a valid token, a wrong one). */
  auth: Record<string, string>[];
  /** Query parameter names worth trying besides random ones. */
  queryNames?: string[];
  /** A valid body for a route, if any: the fuzz also sends it with one text field made hostile (deeper reach). */
  example?: (route: FuzzRoute) => unknown;
  /** True for an error answer that may be something other than problem+json (a route copying another system). */
  mayAnswerPlain?: (route: FuzzRoute, res: Response) => boolean;
}

export interface FuzzReport {
  requests: number;
  statuses: Record<string, number>;
  failures: string[];
}

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000`),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "..",
    "../../etc/passwd",
    "%",
    "%00",
    "' or '1'='1",
    "-1",
    "0",
    "9".repeat(400),
    "latest",
    "",
  ),
  fc.string({ maxLength: 3000 }),
);

const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        hostileText,
        fc.constantFrom(
          "fiscalCode",
          "pin",
          "to",
          "text",
          "recipient",
          "name",
          "body",
          "setTo",
          "advanceBy",
          "residence",
          "healthCard",
        ),
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

const bodyArb = fc.oneof(
  fc.constant(undefined),
  jsonish.map((v) => JSON.stringify(v)),
  hostileText,
  fc.constantFrom("{", "[1,", '{"a":1}{', "null", '"\\ud800"', '{"fiscalCode":"\\u0000","pin":"ABCDEFGH"}'),
);

const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

/** A URL cannot carry a lone surrogate (UTF-8 has none); it goes as U+FFFD, as a browser would send it. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\ufffd");

function fill(path: string, values: string[], raw: boolean): string {
  let i = 0;
  return path.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?\??/g, () => {
    const v = wellFormed(values[i++] ?? "x");
    // Raw: percent signs and dots as typed (malformed escapes, traversal); otherwise every character escaped.
    if (raw) return v.replace(/[/?#\s]/g, "_").replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
    return encodeURIComponent(v);
  });
}

function queryString(entries: [string, string][]): string {
  if (entries.length === 0) return "";
  const enc = (s: string) => encodeURIComponent(wellFormed(s));
  return "?" + entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
}

/** The example with its `n`-th string leaf (counting round) replaced. */
function mutate(value: unknown, n: number, replacement: string): unknown {
  const leaves: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === "string") leaves.push(path);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  if (leaves.length === 0) return value;
  const target = leaves[n % leaves.length]!;
  const copy = structuredClone(value) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of target.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[target.at(-1)!] = replacement;
  return copy;
}

/** Runs the fuzz and returns what it saw; `failures` lists every 5xx and every error that was not problem+json. */
export async function fuzzRoutes(options: FuzzOptions): Promise<FuzzReport> {
  const report: FuzzReport = { requests: 0, statuses: {}, failures: [] };
  const names = fc.oneof(fc.constantFrom(...(options.queryNames ?? ["q"])), hostileText);
  const request = fc.record({
    route: fc.constantFrom(...options.routes),
    params: fc.array(hostileText, { minLength: 4, maxLength: 4 }),
    rawPath: fc.boolean(),
    query: fc.array(fc.tuple(names, hostileText), { maxLength: 4 }),
    auth: fc.constantFrom(...options.auth),
    contentType: fc.constantFrom(
      undefined,
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
    ),
    idempotencyKey: fc.option(headerValue, { nil: undefined }),
    requestId: fc.option(headerValue, { nil: undefined }),
    body: bodyArb,
    mutation: fc.option(fc.tuple(fc.nat(), hostileText), { nil: undefined, freq: 1 }),
  });
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const path = fill(r.route.path, r.params, r.rawPath) + queryString(r.query);
      const headers: Record<string, string> = { ...r.auth };
      if (r.contentType) headers["content-type"] = r.contentType;
      if (r.idempotencyKey !== undefined) headers["idempotency-key"] = r.idempotencyKey;
      if (r.requestId !== undefined) headers["x-request-id"] = r.requestId;
      const example = r.mutation && options.example?.(r.route);
      const body =
        example !== undefined && r.mutation
          ? JSON.stringify(mutate(example, r.mutation[0], r.mutation[1]))
          : r.body;
      if (example !== undefined) headers["content-type"] = "application/json";
      const withBody = r.route.method !== "GET" && r.route.method !== "HEAD" && body !== undefined;
      const res = await options.send(r.route.method, path, { headers, ...(withBody ? { body } : {}) });
      report.requests++;
      report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
      const type = res.headers.get("content-type") ?? "";
      await res.arrayBuffer();
      const where = `${r.route.method} ${path.slice(0, 200)}`;
      if (res.status >= 500) report.failures.push(`${res.status} ${where}`);
      else if (
        res.status >= 400 &&
        !type.includes("application/problem+json") &&
        !options.mayAnswerPlain?.(r.route, res)
      ) {
        report.failures.push(`${res.status} not problem+json (${type}) ${where}`);
      }
      return true;
    }),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: false },
  );
  return report;
}

/** How many fuzz runs a test makes: bounded in CI, more through `npm run fuzz` (FUZZ_RUNS). */
export function fuzzRuns(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
