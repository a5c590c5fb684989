// Text PostgreSQL cannot store (U+0000, lone surrogates) is refused at the edge of the mail gateway's HTTP side:
// 400 validation-failed naming the field, never a 500 from the database (its share of the outside probe's finding).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./support.ts";

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc.close());

const cases: { name: string; field: string; send: () => Promise<Response> }[] = [
  { name: "search with NUL", field: "query.query", send: () => svc.http("/api/v1/search?query=a%00b") },
  {
    name: "deleting a search with NUL",
    field: "query.query",
    send: () => svc.http("/api/v1/search?query=a%00b", { method: "DELETE" }),
  },
  {
    name: "the latest matching a query with NUL",
    field: "query.query",
    send: () => svc.http("/api/v1/message/latest?query=a%00b"),
  },
  { name: "inbox page searching with NUL", field: "query.q", send: () => svc.http("/?q=a%00b") },
];

describe("text the database cannot store, on the mail gateway's HTTP side", () => {
  it.each(cases)("$name → 400 validation-failed naming $field", async ({ field, send }) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(body.code).toBe("validation-failed");
    expect(body.errors.map((e) => e.path)).toContain(field);
  });
});
