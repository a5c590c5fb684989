// Text PostgreSQL cannot store (U+0000, lone surrogates) is refused at the edge: 400 validation-failed naming the
// field, never a 500 from the database (the postal gateway's share of the outside probe's finding).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, recipient, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

const letter = (over: Record<string, unknown>) => ({
  recipient: recipient(),
  service: "ordinaria",
  body: "Gentile cittadino",
  ...over,
});

const cases: { name: string; field: string; send: () => Promise<Response> }[] = [
  {
    name: "name filter with NUL",
    field: "query.name",
    send: () => tb.call("GET", "/api/v1/letters?name=a%00b"),
  },
  {
    name: "postal code filter with NUL",
    field: "query.postalCode",
    send: () => tb.call("GET", "/api/v1/letters?postalCode=%00"),
  },
  {
    name: "one letter by a reference with NUL",
    field: "path.id",
    send: () => tb.call("GET", "/api/v1/letters/%00"),
  },
  {
    name: "mailbox page for a name with NUL",
    field: "query.name",
    send: () => tb.call("GET", "/mailbox?name=a%00b"),
  },
  {
    name: "letter subject with a lone surrogate",
    field: "subject",
    send: () => tb.call("POST", "/api/v1/letters", letter({ subject: "\ud800" })),
  },
];

describe("text the database cannot store, on the postal gateway", () => {
  it.each(cases)("$name → 400 validation-failed naming $field", async ({ field, send }) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe("validation-failed");
    expect(body.errors.map((e) => e.path)).toContain(field);
  });
});
