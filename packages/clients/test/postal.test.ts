import { describe, expect, it } from "vitest";
import { createPostalClient, PostalClientError, type Letter } from "../src/postal.ts";

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function stub(reply: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    // The client may hand over a Request (openapi-fetch does) or a URL and its init: read both the same way.
    const request = new Request(input, init);
    const text = await request.text();
    const s: Seen = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    seen.push(s);
    return reply(s);
  };
  return { seen, fetch: fetchStub };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const recipient = {
  name: "Mario Rossi",
  street: "Via Roma 1",
  postalCode: "00184",
  city: "Roma",
  province: "RM",
};
const letter: Letter = {
  id: "ltr_0123456789abcdef0123",
  recipient,
  service: "ordinaria",
  subject: "PIN",
  status: "delivered",
  acceptedAt: "2026-03-02T09:00:00.000Z",
  expectedDeliveryDate: "2026-03-06",
  deliveredAt: "2026-03-05T09:30:00.000Z",
  returnedAt: null,
  returnReason: null,
  body: "Seconda parte del PIN: QW12ER34",
  events: [{ type: "accepted", at: "2026-03-02T09:00:00.000Z", description: "Accettato" }],
};

describe("createPostalClient", () => {
  it("sends a letter with an Idempotency-Key", async () => {
    const s = stub(() =>
      json({ id: letter.id, status: "accepted", expectedDeliveryDate: "2026-03-06" }, 201),
    );
    const post = createPostalClient({ baseUrl: "http://postal.test", fetch: s.fetch });
    const result = await post.send({ recipient, service: "ordinaria", body: "x" }, { idempotencyKey: "k" });
    expect(result).toEqual({
      id: letter.id,
      status: "accepted",
      expectedDeliveryDate: "2026-03-06",
      replayed: false,
    });
    expect(s.seen[0]).toMatchObject({
      method: "POST",
      url: "http://postal.test/api/v1/letters",
      headers: { "idempotency-key": "k" },
    });
  });

  it("lists with filters, gets, fetches the PDF and clears", async () => {
    const s = stub((seen) => {
      if (seen.method === "DELETE") return new Response(null, { status: 204 });
      if (seen.url.endsWith(".pdf"))
        return new Response(new Uint8Array([37, 80, 68, 70]), {
          headers: { "content-type": "application/pdf" },
        });
      if (seen.url.includes("/letters?")) return json({ letters: [letter] });
      return json(letter);
    });
    const post = createPostalClient({ baseUrl: "http://postal.test/", fetch: s.fetch });
    expect(await post.list({ name: "rossi mario", status: "delivered" })).toHaveLength(1);
    expect(s.seen[0]?.url).toBe("http://postal.test/api/v1/letters?name=rossi%20mario&status=delivered");
    expect((await post.get(letter.id)).body).toContain("Seconda parte del PIN");
    expect(Array.from(await post.pdf(letter.id))).toEqual([37, 80, 68, 70]);
    expect(s.seen[2]?.headers.accept).toBe("application/pdf");
    await post.clear({ name: "Mario Rossi" });
    expect(s.seen[3]?.url).toBe("http://postal.test/api/v1/letters?name=Mario%20Rossi");
  });

  it("throws PostalClientError with the status and code", async () => {
    const s = stub(() => json({ status: 404, code: "letter-not-found", title: "No such letter" }, 404));
    const post = createPostalClient({ baseUrl: "http://postal.test", fetch: s.fetch });
    const error = await post.get("ltr_x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostalClientError);
    expect(error).toMatchObject({ status: 404, code: "letter-not-found" });
  });

  it("waits for a letter and returns it whole", async () => {
    let calls = 0;
    const s = stub((seen) => {
      if (seen.url.includes("/letters?")) return json({ letters: ++calls < 2 ? [] : [letter] });
      return json(letter);
    });
    const post = createPostalClient({ baseUrl: "http://postal.test", fetch: s.fetch });
    const found = await post.waitForLetter({ name: "Mario Rossi", intervalMs: 1 });
    expect(found.events).toHaveLength(1);
    await expect(
      post.waitForLetter({ name: "Nobody", match: () => false, intervalMs: 1, timeoutMs: 10 }),
    ).rejects.toMatchObject({
      code: "wait-timed-out",
    });
  });
});
