import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Letter } from "../src/letters/letters.store.ts";
import { body, createTestbed, recipient, type Testbed } from "./support.ts";

let t: Testbed;
beforeAll(async () => {
  t = await createTestbed();
});
afterAll(async () => {
  await t?.close();
});
afterEach(async () => {
  await t.sim("DELETE", "/faults");
});

const send = (payload: unknown, headers?: Record<string, string>) =>
  t.call("POST", "/api/v1/letters", payload, headers);

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const problem = await body(res);
  expect(problem).toMatchObject({ status, code });
  return problem;
}

const good = () => ({ recipient: recipient(), service: "ordinaria", body: "x" });

describe("malformed input is a 400 validation-failed, never a 5xx", () => {
  it.each([
    ["not JSON", '{"recipient":'],
    ["a string", '"letter"'],
    ["no recipient", { service: "ordinaria", body: "x" }],
    ["a recipient without a street", { ...good(), recipient: { ...recipient(), street: undefined } }],
    ["an empty name", { ...good(), recipient: { ...recipient(), name: "   " } }],
    ["a name with a line break", { ...good(), recipient: { ...recipient(), name: "Mario\nRossi" } }],
    ["a number as postal code", { ...good(), recipient: { ...recipient(), postalCode: 184 } }],
    ["an unknown service", { ...good(), service: "piccione" }],
    ["no body", { recipient: recipient(), service: "ordinaria" }],
    ["a body too long", { ...good(), body: "x".repeat(20_001) }],
    ["a NUL in the body", { ...good(), body: "a\u0000b" }],
    ["an unknown field", { ...good(), priority: 1 }],
    ["an unknown recipient field", { ...good(), recipient: { ...recipient(), country: "IT" } }],
  ])("%s", async (_name, payload) => {
    const problem = await expectProblem(await send(payload), 400, "validation-failed");
    expect(problem).toHaveProperty("errors");
  });

  it.each(["status=lost", "limit=0", "limit=-1", "limit=1e9", `name=${"x".repeat(201)}`])(
    "a list query with %s",
    async (query) => {
      await expectProblem(await t.call("GET", `/api/v1/letters?${query}`), 400, "validation-failed");
    },
  );

  it("an unknown letter is 404 letter-not-found, as JSON and as PDF", async () => {
    await expectProblem(
      await t.call("GET", "/api/v1/letters/ltr_00000000000000000000"),
      404,
      "letter-not-found",
    );
    await expectProblem(
      await t.call("GET", "/api/v1/letters/ltr_00000000000000000000.pdf"),
      404,
      "letter-not-found",
    );
    await expectProblem(await t.call("GET", "/api/v1/letters/.pdf"), 404, "letter-not-found");
  });

  it("a clock set backwards is 409 clock-backwards", async () => {
    await expectProblem(
      await t.sim("POST", "/clock", { setTo: "2001-01-01T00:00:00Z" }),
      409,
      "clock-backwards",
    );
  });
});

describe("faults", () => {
  it("error answers with the status, only `count` times, and creates nothing", async () => {
    const letter = good();
    await t.sim("PUT", "/faults", { mode: "error", status: 502, count: 1 });
    expect((await send(letter)).status).toBe(502);
    const list = await body<{ letters: unknown[] }>(
      await t.call("GET", `/api/v1/letters?name=${encodeURIComponent(letter.recipient.name)}`),
    );
    expect(list.letters).toHaveLength(0);
    expect((await send(letter)).status).toBe(201);
  });

  it("error also hits reads and the PDF", async () => {
    const { id } = await body<{ id: string }>(await send(good()));
    await t.sim("PUT", "/faults", { mode: "error", status: 500, count: 2 });
    expect((await t.call("GET", `/api/v1/letters/${id}`)).status).toBe(500);
    expect((await t.call("GET", `/api/v1/letters/${id}.pdf`)).status).toBe(500);
    expect((await t.call("GET", `/api/v1/letters/${id}`)).status).toBe(200);
  });

  it("timeout holds the request until the fault is lifted, then answers 504", async () => {
    await t.sim("PUT", "/faults", { mode: "timeout", count: 1 });
    let settled = false;
    const pending = send(good()).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    await t.sim("DELETE", "/faults");
    expect((await pending).status).toBe(504);
  });

  it("drop accepts the letter, which leaves the office and is never delivered", async () => {
    await t.sim("PUT", "/faults", { mode: "drop", count: 1 });
    const res = await send(good());
    expect(res.status).toBe(201);
    const { id } = await body<{ id: string }>(res);
    await t.sim("POST", "/clock", { advanceBy: "P30D" });
    const l = await body<Letter>(await t.call("GET", `/api/v1/letters/${id}`));
    expect(l.status).toBe("in_transit");
    expect(l.events.map((e) => e.type)).toEqual(["accepted", "in_transit"]);
  });

  it("a probability fault hits some requests, never the mailbox page", async () => {
    await t.sim("PUT", "/faults", { mode: "error", status: 503, probability: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await t.call("GET", "/api/v1/letters?limit=1")).status);
    expect(statuses).toContain(503);
    expect(statuses).toContain(200);
    expect((await t.call("GET", "/mailbox")).status).toBe(200);
  });
});
