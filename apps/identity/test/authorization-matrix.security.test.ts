// Who reaches what: every route of the identity service, read from /openapi.json (and the control plane's from the
// app), called as anonymous, a citizen, another citizen, an operator and the admin, each answer held to the table
// below. A route missing from the table fails the test, so a new route cannot be forgotten. The same table is
// printed in docs/identity-service.md, and this test checks that it is.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeCitizen,
  bearer,
  createTestbed,
  login,
  OPERATOR_TOKEN,
  TOKEN,
  type Testbed,
} from "./support.ts";

type Role = "anonymous" | "citizen" | "another citizen" | "operator" | "admin";
const ROLES: readonly Role[] = ["anonymous", "citizen", "another citizen", "operator", "admin"];

interface Row {
  route: string;
  /** Statuses in ROLES order. */
  expect: [number, number, number, number, number];
  /** What is sent: a body that passes validation where the route's own check should be what answers. */
  body?: unknown;
}

// Public routes answer 400 to an empty body (they reach validation: nothing stops them before). The citizen's
// routes take `{fiscalCode}`, `{changeId}` and `{id}` of the first citizen: the other citizen gets 404 there.
const MATRIX: Row[] = [
  { route: "POST /api/v1/pin-requests", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "POST /api/v1/pin-activations", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "POST /api/v1/sessions", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "POST /api/v1/revocations", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "POST /api/v1/recoveries", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "GET /api/v1/recoveries/{token}", expect: [200, 200, 200, 200, 200] },
  { route: "POST /api/v1/recoveries/{token}/confirm", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "POST /api/v1/me/generated-pin", expect: [401, 409, 409, 401, 401] },
  { route: "POST /api/v1/me/generated-pin/confirm", expect: [401, 400, 400, 401, 401], body: {} },
  { route: "GET /api/v1/me", expect: [401, 200, 200, 401, 401] },
  { route: "POST /api/v1/me/pin-changes", expect: [401, 400, 400, 401, 401], body: {} },
  {
    route: "POST /api/v1/me/pin-changes/{changeId}/verify",
    expect: [401, 400, 404, 401, 401],
    body: { code: "000000" },
  },
  { route: "GET /api/v1/me/contacts", expect: [401, 200, 200, 401, 401] },
  { route: "PATCH /api/v1/me/contacts", expect: [401, 400, 400, 401, 401], body: {} },
  {
    route: "POST /api/v1/me/contacts/verifications/{id}",
    expect: [401, 400, 404, 401, 401],
    body: { code: "000000" },
  },
  { route: "GET /api/v1/services/certificazione-unica", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/certificazione-unica/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/pension-slip", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/pension-slip/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/application-status", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/application-status/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/contribution-statement", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/contribution-statement/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/contribution-years", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/contribution-years/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/modello-730", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/modello-730/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/family-allowances", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/family-allowances/document.pdf", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/cedolino-ex-inpdap", expect: [401, 200, 200, 401, 401] },
  { route: "GET /api/v1/services/cedolino-ex-inpdap/document.pdf", expect: [401, 200, 200, 401, 401] },
  // An application needs a PIN dispositivo (R27): an ordinary PIN's session is refused.
  { route: "POST /api/v1/services/applications", expect: [401, 403, 403, 401, 401], body: { kind: "naspi" } },
  { route: "GET /api/v1/me/dispositivo-conversion", expect: [401, 200, 200, 401, 401] },
  { route: "POST /api/v1/me/dispositivo-requests", expect: [401, 400, 400, 401, 401], body: {} },
  { route: "GET /api/v1/me/dispositivo-requests/{requestId}", expect: [401, 200, 404, 401, 401] },
  { route: "GET /api/v1/me/dispositivo-requests/{requestId}/form.pdf", expect: [401, 200, 404, 401, 401] },
  { route: "POST /api/v1/me/dispositivo-requests/{requestId}/documents", expect: [401, 400, 400, 401, 401] },
  { route: "GET /api/v1/operator/dispositivo-requests", expect: [401, 401, 401, 200, 401] },
  {
    route: "POST /api/v1/operator/dispositivo-requests/{requestId}/paper-delivery",
    expect: [401, 401, 401, 400, 401],
    body: {},
  },
  {
    route: "POST /api/v1/operator/dispositivo-requests/{requestId}/decision",
    expect: [401, 401, 401, 400, 401],
    body: {},
  },
  {
    route: "GET /api/v1/operator/dispositivo-requests/{requestId}/files/{part}",
    expect: [401, 401, 401, 404, 401],
  },
  { route: "GET /api/v1/operator/citizens/{fiscalCode}/events", expect: [401, 401, 401, 200, 401] },
  { route: "POST /api/v1/operator/pin-requests", expect: [401, 401, 401, 400, 401], body: {} },
  {
    route: "POST /api/v1/operator/citizens/{fiscalCode}/contacts",
    expect: [401, 401, 401, 400, 401],
    body: {},
  },
  // SPID (R33): anyone may present an assertion; only the admin token gets one from the test identity provider,
  // whose page and public key are open. The page's form takes a form, not JSON (415), and checks the token in it.
  { route: "POST /api/v1/sessions/spid", expect: [400, 400, 400, 400, 400], body: {} },
  { route: "POST /spid/assertions", expect: [401, 401, 401, 401, 400], body: {} },
  { route: "GET /spid/jwks.json", expect: [200, 200, 200, 200, 200] },
  { route: "GET /spid", expect: [200, 200, 200, 200, 200] },
  { route: "POST /spid", expect: [415, 415, 415, 415, 415], body: {} },
  { route: "GET /__sim/clock", expect: [401, 401, 401, 401, 200] },
  { route: "POST /__sim/clock", expect: [401, 401, 401, 401, 400], body: {} },
  { route: "POST /__sim/citizens", expect: [401, 401, 401, 401, 400], body: {} },
  { route: "GET /__sim/citizens/{fiscalCode}/events", expect: [401, 401, 401, 401, 200] },
  { route: "GET /__sim/outbox", expect: [401, 401, 401, 401, 200] },
  { route: "GET /__sim/recovery-contacts", expect: [401, 401, 401, 401, 200] },
  { route: "GET /__sim/stack", expect: [401, 401, 401, 401, 200] },
  { route: "PUT /__sim/recovery-contacts", expect: [401, 401, 401, 401, 400], body: {} },
  { route: "POST /__sim/outbox/drain", expect: [401, 401, 401, 401, 200] },
  // Last, in this order: they end the sessions, revoke the first citizen, and wipe everything.
  { route: "DELETE /api/v1/sessions/current", expect: [401, 204, 204, 401, 401] },
  { route: "POST /api/v1/operator/citizens/{fiscalCode}/revocation", expect: [401, 401, 401, 200, 401] },
  { route: "POST /__sim/reset", expect: [401, 401, 401, 401, 204] },
];

function renderMatrix(): string {
  const head = `| route | ${ROLES.join(" | ")} |`;
  const rule = `|---|${ROLES.map(() => "---").join("|")}|`;
  // By path, then method; plain code-unit order, the same on every machine's locale.
  const key = (r: Row) => `${r.route.split(" ")[1]} ${r.route}`;
  const rows = [...MATRIX]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((r) => `| \`${r.route}\` | ${r.expect.join(" | ")} |`);
  return [head, rule, ...rows].join("\n");
}

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

async function discoveredRoutes(): Promise<string[]> {
  const doc = (await (await tb.call("GET", "/openapi.json")).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
  );
  // The control plane is not in the public document: its routes come from the app itself.
  const fromSim = tb.app.routes
    .filter((r) => r.path.startsWith("/__sim/") && r.method !== "ALL")
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
  return [...new Set([...fromDoc, ...fromSim])].sort();
}

describe("the authorization matrix", () => {
  it("lists every route the service has, and no route it lacks", async () => {
    const discovered = await discoveredRoutes();
    expect(discovered.length).toBeGreaterThan(20);
    const missing = discovered.filter((r) => !MATRIX.some((row) => row.route === r));
    expect(missing, "routes with no row in MATRIX: add one (and to docs/identity-service.md)").toEqual([]);
    const stale = MATRIX.map((r) => r.route).filter((r) => !discovered.includes(r));
    expect(stale, "rows for routes the service no longer has").toEqual([]);
  });

  it("answers each role as the table says; no one reads the first citizen's data but that citizen, an operator or the admin", async () => {
    const a = await activeCitizen(tb, "Gatto7Bl");
    const b = await activeCitizen(tb, "Lupo5Mar");
    const tokenA = String((await login(tb, a.persona.fiscalCode, a.pin)).body.token);
    const tokenB = String((await login(tb, b.persona.fiscalCode, b.pin)).body.token);
    const change = await tb.call(
      "POST",
      "/api/v1/me/pin-changes",
      { currentPin: a.pin, newPin: "Rondin42", confirmPin: "Rondin42" },
      bearer(tokenA),
    );
    const { changeId } = (await change.json()) as { changeId: string };
    const contact = await tb.call(
      "PATCH",
      "/api/v1/me/contacts",
      { email: `nuovo.${a.persona.email}` },
      bearer(tokenA),
    );
    const { verificationId } = (await contact.json()) as { verificationId: string };
    const dispositivo = await tb.call(
      "POST",
      "/api/v1/me/dispositivo-requests",
      {
        identityDocument: {
          type: "carta-identita",
          number: "CA12345AB",
          issuedBy: "Comune di Roma",
          issueDate: "2021-05-10",
          expiryDate: "2031-05-10",
        },
      },
      bearer(tokenA),
    );
    const { requestId } = (await dispositivo.json()) as { requestId: string };
    expect([change.status, contact.status, dispositivo.status]).toEqual([202, 202, 201]);

    const headers: Record<Role, Record<string, string>> = {
      anonymous: {},
      citizen: bearer(tokenA),
      "another citizen": bearer(tokenB),
      operator: bearer(OPERATOR_TOKEN),
      admin: bearer(TOKEN),
    };
    // A recovery link's token nobody was sent: the link's page answers the same for every token.
    const params: Record<string, string> = {
      fiscalCode: a.persona.fiscalCode,
      changeId,
      id: verificationId,
      token: "rip_matrix",
      requestId,
      part: "signed-form",
    };
    const answers: string[] = [];
    const problems: string[] = [];
    for (const row of MATRIX) {
      const [method, template] = row.route.split(" ") as [string, string];
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
      for (const [i, role] of ROLES.entries()) {
        const res = await tb.call(method, path, row.body, headers[role]);
        const text = await res.text();
        answers.push(`${row.route} as ${role}: ${res.status}`);
        if (res.status !== row.expect[i])
          problems.push(
            `${row.route} as ${role}: ${res.status}, the table says ${row.expect[i]} (${text.slice(0, 120)})`,
          );
        if (
          (role === "another citizen" || role === "anonymous") &&
          (text.includes(a.persona.fiscalCode) || text.includes(a.persona.email))
        ) {
          problems.push(`${row.route} as ${role} shows the first citizen's data`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(answers).toHaveLength(MATRIX.length * ROLES.length);
  });

  it("is printed in docs/identity-service.md", () => {
    const doc = readFileSync(new URL("../../../docs/identity-service.md", import.meta.url), "utf8");
    // Cells compared without their padding: Prettier aligns the table's columns in the docs.
    const cells = (text: string) => text.replace(/[ \t]*\|[ \t]*/g, "|").replace(/-{3,}/g, "---");
    expect(cells(doc), `paste this table into docs/identity-service.md:\n${renderMatrix()}`).toContain(
      cells(renderMatrix()),
    );
  });
});
