// Text PostgreSQL cannot store (U+0000, lone surrogates) is refused at the edge: 400 validation-failed naming the
// field, never a 500 from the database. The cases are the identity service's share of the outside probe's finding.
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

const NUL = "a\u0000b";
const LONE = "a\ud800b";
const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
const admin = { authorization: `Bearer ${TOKEN}` };

function withResidence(field: string, value: string) {
  const body = requestBody(tb.persona());
  return { ...body, residence: { ...body.residence, [field]: value } };
}

interface Case {
  name: string;
  field: string;
  send: () => Promise<Response>;
}

const cases: Case[] = [
  {
    name: "login fiscal code with NUL",
    field: "fiscalCode",
    send: () => tb.call("POST", "/api/v1/sessions", { fiscalCode: "\u0000", pin: "ABCDEFGH" }),
  },
  {
    name: "login PIN with NUL",
    field: "pin",
    send: () => tb.call("POST", "/api/v1/sessions", { fiscalCode: tb.persona().fiscalCode, pin: NUL }),
  },
  {
    name: "login fiscal code with a lone surrogate",
    field: "fiscalCode",
    send: () => tb.call("POST", "/api/v1/sessions", { fiscalCode: LONE, pin: "ABCDEFGH" }),
  },
  {
    name: "PIN request residence.street",
    field: "residence.street",
    send: () => tb.call("POST", "/api/v1/pin-requests", withResidence("street", NUL)),
  },
  {
    name: "PIN request residence.city",
    field: "residence.city",
    send: () => tb.call("POST", "/api/v1/pin-requests", withResidence("city", NUL)),
  },
  {
    name: "operator PIN request residence.street",
    field: "residence.street",
    send: () => tb.call("POST", "/api/v1/operator/pin-requests", withResidence("street", NUL), operator),
  },
  {
    name: "activation fiscal code",
    field: "fiscalCode",
    send: () =>
      tb.call("POST", "/api/v1/pin-activations", {
        fiscalCode: NUL,
        firstHalf: "ABCDEFGH",
        healthCard: { number: "8038000000", expiryDate: "2030-01-01" },
      }),
  },
  {
    name: "activation first half",
    field: "firstHalf",
    send: () =>
      tb.call("POST", "/api/v1/pin-activations", {
        fiscalCode: tb.persona().fiscalCode,
        firstHalf: NUL,
        healthCard: { number: "8038000000", expiryDate: "2030-01-01" },
      }),
  },
  {
    name: "activation healthCard.number",
    field: "healthCard.number",
    send: () =>
      tb.call("POST", "/api/v1/pin-activations", {
        fiscalCode: tb.persona().fiscalCode,
        firstHalf: "ABCDEFGH",
        healthCard: { number: NUL, expiryDate: "2030-01-01" },
      }),
  },
  {
    name: "operator timeline path",
    field: "path.fiscalCode",
    send: () => tb.call("GET", "/api/v1/operator/citizens/%00/events", undefined, operator),
  },
  {
    name: "PIN change verification path",
    field: "path.changeId",
    send: () => tb.call("POST", "/api/v1/me/pin-changes/%00/verify", { code: "123456" }, session),
  },
  {
    name: "control-plane outbox query",
    field: "query.fiscalCode",
    send: () => tb.call("GET", "/__sim/outbox?fiscalCode=a%00b", undefined, admin),
  },
  {
    name: "control-plane citizen residence.city",
    field: "residence.city",
    send: () => tb.sim("POST", "/citizens", { ...withResidence("city", NUL), pin: "Gatto7Bl" }),
  },
];

describe("text the database cannot store, on the identity service", () => {
  it.each(cases)("$name → 400 validation-failed naming $field", async ({ field, send }) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe("validation-failed");
    expect(body.errors.map((e) => e.path)).toContain(field);
  });
});
