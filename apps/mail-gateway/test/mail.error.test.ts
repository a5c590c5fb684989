// Faults on purpose (HTTP and SMTP) and malformed input: the gateway fails as told, and never with a 5xx of its own.
import { MailpitClient } from "mailpit-api";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auth, startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;

beforeAll(async () => {
  t = await startTestService({ MAIL_CHAOS: "on" });
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const json = { ...auth, "content-type": "application/json" };
const put = (path: string, body: unknown) =>
  t.http(path, { method: "PUT", headers: json, body: JSON.stringify(body) });

/** Sends on a fresh connection, so a refused command does not disturb the shared pool. */
async function sendOnce(to = "mario@example.it", extra: SendMailOptions = {}) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: t.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail({
      from: "noreply@inps.it",
      to,
      subject: "Prova",
      text: "Codice di verifica: 123456",
      ...extra,
    });
  } finally {
    transport.close();
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as { responseCode?: number; command?: string },
  );

describe("HTTP faults on /api/v1/*", () => {
  it("answers with the configured status, count times", async () => {
    expect((await put("/__sim/faults", { mode: "error", status: 503, count: 2 })).status).toBe(200);
    expect((await t.http("/api/v1/messages")).status).toBe(503);
    await expect(mailpit.listMessages()).rejects.toThrow(/503/);
    expect((await t.http("/api/v1/messages")).status).toBe(200);
    // The inbox page and the control plane are not hit.
    expect((await t.http("/")).status).toBe(200);
  });

  it("holds a request in timeout mode until the fault is lifted", async () => {
    await put("/__sim/faults", { mode: "timeout" });
    const pending = t.http("/api/v1/messages");
    const raced = await Promise.race([
      pending.then(() => "answered"),
      new Promise((r) => setTimeout(() => r("waiting"), 300)),
    ]);
    expect(raced).toBe("waiting");
    expect((await t.http("/__sim/faults", { method: "DELETE", headers: auth })).status).toBe(204);
    expect((await pending).status).toBe(504);
  });

  it("lets reads through in drop mode (the mail API creates nothing to drop)", async () => {
    await put("/__sim/faults", { mode: "drop" });
    expect((await t.http("/api/v1/messages")).status).toBe(200);
  });

  it("draws probabilistic faults from the seeded generator, so a run repeats", async () => {
    const run = async () => {
      await put("/__sim/faults", { mode: "error", status: 500, probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await t.http("/api/v1/info")).status);
      return statuses;
    };
    const first = await run();
    await t.reset();
    const second = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(second.length).toBe(first.length);
  });

  it("refuses a malformed fault with validation-failed", async () => {
    const res = await put("/__sim/faults", { mode: "explode" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(((await res.json()) as { code: string }).code).toBe("validation-failed");
  });
});

describe("SMTP faults", () => {
  it("refuses MAIL with the configured code, then recovers after count", async () => {
    expect((await put("/__sim/smtp-faults", { stage: "MAIL", code: 451, count: 1 })).status).toBe(200);
    const error = await failure(sendOnce());
    expect(error?.responseCode).toBe(451);
    expect(error?.command).toBe("MAIL FROM");
    expect((await mailpit.listMessages()).total).toBe(0);
    await sendOnce();
    expect((await mailpit.listMessages()).total).toBe(1);
    const faults = (await (await t.http("/__sim/smtp-faults", { headers: auth })).json()) as {
      faults: { remaining: number; hits: number }[];
    };
    expect(faults.faults[0]).toMatchObject({ stage: "MAIL", remaining: 0, hits: 1 });
  });

  it("refuses RCPT with a permanent 550, only for matching recipients", async () => {
    await put("/__sim/smtp-faults", {
      stage: "RCPT",
      code: 550,
      match: "@pec.it",
      message: "5.1.1 Mailbox unavailable",
    });
    const error = await failure(sendOnce("mario@pec.it"));
    expect(error?.responseCode).toBe(550);
    expect(error?.command).toBe("RCPT TO");
    await sendOnce("mario@example.it");
    expect((await mailpit.listMessages()).messages.map((m) => m.To[0]!.Address)).toEqual([
      "mario@example.it",
    ]);
  });

  it("refuses DATA with 554, and the message is not stored", async () => {
    await put("/__sim/smtp-faults", { stage: "DATA", code: 554 });
    const error = await failure(sendOnce());
    expect(error?.responseCode).toBe(554);
    expect((await mailpit.listMessages()).total).toBe(0);
    expect((await mailpit.getInfo()).RuntimeStats.SMTPRejected).toBeGreaterThanOrEqual(1);
  });

  it("drops a message after accepting it (drop mode)", async () => {
    await put("/__sim/smtp-faults", { stage: "DATA", mode: "drop" });
    const info = await sendOnce();
    expect(info.response).toMatch(/^250/);
    expect((await mailpit.listMessages()).total).toBe(0);
  });

  it("clears SMTP faults on DELETE and on reset", async () => {
    await put("/__sim/smtp-faults", { stage: "MAIL", code: 421 });
    expect((await t.http("/__sim/smtp-faults", { method: "DELETE", headers: auth })).status).toBe(204);
    await sendOnce();
    await put("/__sim/smtp-faults", { stage: "MAIL", code: 421 });
    await t.reset();
    await sendOnce();
    expect((await mailpit.listMessages()).total).toBe(1);
  });

  it("validates SMTP fault specs", async () => {
    for (const body of [
      { stage: "HELO", code: 451 },
      { stage: "MAIL", code: 250 },
      { stage: "MAIL", code: 451, probability: 2 },
      { stage: "MAIL", mode: "drop" },
      { stage: "MAIL", code: 451, message: "line\r\nbreak" },
      { stage: "MAIL", code: 451, extra: true },
    ]) {
      const res = await put("/__sim/smtp-faults", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe("validation-failed");
    }
    const bad = await t.http("/__sim/smtp-faults", { method: "PUT", headers: json, body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("applies Mailpit's chaos triggers (when MAIL_CHAOS is on)", async () => {
    const triggers = await mailpit.setChaosTriggers({ Recipient: { ErrorCode: 452, Probability: 100 } });
    expect(triggers.Recipient).toEqual({ ErrorCode: 452, Probability: 100 });
    expect(triggers.Sender).toEqual({ ErrorCode: 451, Probability: 0 });
    expect((await failure(sendOnce()))?.responseCode).toBe(452);
    await mailpit.setChaosTriggers();
    await sendOnce();
    expect((await put("/api/v1/chaos", { Sender: { ErrorCode: 200, Probability: 5 } })).status).toBe(400);
  });
});

describe("malformed input on Mailpit's routes", () => {
  it("answers as Mailpit does: 400 text, 404 text, never a 5xx", async () => {
    const search = await t.http("/api/v1/search");
    expect(search.status).toBe(400);
    expect(await search.text()).toBe("Error: no search query");
    expect((await t.http("/api/v1/search?query=%20%20", { method: "DELETE" })).status).toBe(400);
    expect((await t.http("/api/v1/message/latest")).status).toBe(404);
    expect(await (await t.http("/api/v1/message/abcdefghijklmnopqrstuv")).text()).toBe("404 page not found");
    expect((await t.http("/api/v1/message/abcdefghijklmnopqrstuv/raw")).status).toBe(404);
    expect((await t.http("/api/v1/message/abcdefghijklmnopqrstuv/headers")).status).toBe(404);
    expect((await t.http("/api/v1/message/abcdefghijklmnopqrstuv/part/2")).status).toBe(404);
    expect((await t.http("/view/abcdefghijklmnopqrstuv.txt")).status).toBe(404);
    for (const body of [
      "{bad json",
      "[1,2]",
      '{"IDs": "x"}',
      '{"IDs": [1]}',
      '{"Read": "yes"}',
      '{"IDs": ["a"], "Search": "to:x"}',
    ]) {
      const res = await t.http("/api/v1/messages", {
        method: "PUT",
        body,
        headers: { "content-type": "application/json" },
      });
      expect(res.status, body).toBe(400);
    }
    for (const body of ["{bad json", '{"IDs": {"a": 1}}']) {
      expect((await t.http("/api/v1/messages", { method: "DELETE", body })).status, body).toBe(400);
    }
    expect(
      (await t.http("/api/v1/tags", { method: "PUT", body: '{"IDs": ["x"], "Tags": "nope"}' })).status,
    ).toBe(400);
    expect((await t.http("/api/v1/tags/none", { method: "PUT", body: '{"Name": "x"}' })).status).toBe(400);
  });

  it("takes odd paging values as Mailpit does (defaults), and caps the page size", async () => {
    await sendOnce();
    for (const q of [
      "start=abc&limit=xyz",
      "start=-4&limit=-1",
      "start=99999999999999&limit=5",
      "limit=0",
      "limit=100000",
    ]) {
      const res = await t.http(`/api/v1/messages?${q}`);
      expect(res.status, q).toBe(200);
    }
    const big = (await (await t.http("/api/v1/messages?limit=100000")).json()) as { messages: unknown[] };
    expect(big.messages).toHaveLength(1);
  });

  it("treats search input as data: quotes, wildcards and SQL are matched literally", async () => {
    await sendOnce();
    for (const query of [
      "'; drop table mail.messages; --",
      "%",
      "_",
      "\\",
      '"unterminated',
      "subject:",
      "to:",
      "-",
      "!",
      "after:notadate",
      "larger:huge",
      "tag:",
    ]) {
      const res = await t.http(`/api/v1/search?query=${encodeURIComponent(query)}`);
      expect(res.status, query).toBe(200);
    }
    expect((await mailpit.searchMessages({ query: "%" })).messages_count).toBe(0);
    expect((await mailpit.listMessages()).total).toBe(1);
  });

  it("accepts a message that is not MIME at all over SMTP and stores it", async () => {
    const result = await t.service.mailbox.ingest(Buffer.from("just some bytes\r\nwithout headers\r\n"), {
      from: "",
      to: ["x@example.it"],
    });
    expect(result.stored).not.toBeNull();
    const m = await mailpit.getMessageSummary(result.stored!.ID);
    expect(m.From).toEqual({ Name: "", Address: "" });
    expect(await mailpit.getMessageHeaders(result.stored!.ID)).toBeTypeOf("object");
  });
});
