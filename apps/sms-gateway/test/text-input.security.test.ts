// Text PostgreSQL cannot store (U+0000, lone surrogates) is refused at the edge: 400 validation-failed naming the
// field, never a 500 from the database (the SMS gateway's share of the outside probe's finding).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

const cases: { name: string; field: string; send: () => Promise<Response> }[] = [
  {
    name: "list filter with NUL",
    field: "query.to",
    send: () => tb.call("GET", "/api/v1/messages?to=a%00b"),
  },
  { name: "home page for a number with NUL", field: "query.to", send: () => tb.call("GET", "/?to=%2B39%00") },
  {
    name: "clearing a number with NUL",
    field: "query.to",
    send: () => tb.call("DELETE", "/api/v1/messages?to=a%00b"),
  },
  {
    name: "one message by an id with NUL",
    field: "path.id",
    send: () => tb.call("GET", "/api/v1/messages/%00"),
  },
  {
    name: "inbox page for a number with NUL",
    field: "query.to",
    send: () => tb.call("GET", "/inbox?to=a%00b"),
  },
  {
    name: "statusCallback with NUL",
    field: "statusCallback",
    send: () =>
      tb.call("POST", "/api/v1/messages", {
        to: "+393331234567",
        text: "ciao",
        statusCallback: "http://x.test/\u0000",
      }),
  },
  {
    name: "text with a lone surrogate",
    field: "text",
    send: () => tb.call("POST", "/api/v1/messages", { to: "+393331234567", text: "ciao \udc00" }),
  },
];

describe("text the database cannot store, on the SMS gateway", () => {
  it.each(cases)("$name → 400 validation-failed naming $field", async ({ field, send }) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe("validation-failed");
    expect(body.errors.map((e) => e.path)).toContain(field);
  });
});
