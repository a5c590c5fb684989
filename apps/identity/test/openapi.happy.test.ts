// The OpenAPI document is generated from the routes and agrees with docs/contract.md; /docs renders it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestbed, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("/openapi.json and /docs", () => {
  it("lists the contract's identity paths with their methods and status codes", async () => {
    const res = await tb.call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const expected: [string, string, string[]][] = [
      ["/api/v1/pin-requests", "post", ["202", "400", "409"]],
      ["/api/v1/pin-activations", "post", ["202", "401", "409", "410"]],
      ["/api/v1/sessions", "post", ["201", "401", "410", "423"]],
      ["/api/v1/sessions/current", "delete", ["204"]],
      ["/api/v1/me", "get", ["200", "401", "423"]],
      ["/api/v1/me/pin-changes", "post", ["202", "400", "401", "422"]],
      ["/api/v1/me/pin-changes/{changeId}/verify", "post", ["200", "400", "410"]],
      ["/api/v1/operator/citizens/{fiscalCode}/events", "get", ["200", "401"]],
      ["/api/v1/recoveries", "post", ["202", "400"]],
      ["/api/v1/recoveries/{token}", "get", ["200"]],
      ["/api/v1/recoveries/{token}/confirm", "post", ["202", "401", "410"]],
      ["/api/v1/me/generated-pin", "post", ["201", "409"]],
      ["/api/v1/me/generated-pin/confirm", "post", ["200", "400"]],
      ["/api/v1/services/contribution-statement", "get", ["200", "401", "423"]],
      ["/api/v1/revocations", "post", ["200", "401"]],
      ["/api/v1/me/contacts", "get", ["200", "401"]],
      ["/api/v1/me/contacts", "patch", ["202", "400", "409"]],
      ["/api/v1/me/contacts/verifications/{id}", "post", ["200", "400", "410"]],
      ["/api/v1/operator/citizens/{fiscalCode}/contacts", "post", ["200", "401"]],
      ["/api/v1/operator/citizens/{fiscalCode}/revocation", "post", ["200", "401"]],
    ];
    for (const [path, method, statuses] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(statuses));
    }
  });

  it("serves a reference page that works offline: nothing from another host, its assets served here", async () => {
    const res = await tb.call("GET", "/docs");
    expect(res.status).toBe(200);
    const refs = [...(await res.text()).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs).toContain("/docs/assets/swagger-ui-bundle.js");
    for (const ref of refs) {
      expect(ref).toMatch(/^\/[^/]/);
      expect((await tb.call("GET", ref)).status, ref).toBe(200);
    }
    expect(await (await tb.call("GET", "/docs/assets/init.js")).text()).toContain("/openapi.json");
  });
});
