// Threats: the control plane without its token, path tricks in IDs, oversized input, and HTML in mail.
import { createLogger, FaultInjector } from "@inps-sim/service-kit";
import { MailpitClient } from "mailpit-api";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailApp } from "../src/app.ts";
import { auth, startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;
const LIMIT = 16 * 1024;

beforeAll(async () => {
  t = await startTestService({ SMTP_MAX_MESSAGE_SIZE: String(LIMIT) });
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

async function sendOnce(extra: SendMailOptions = {}) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: t.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  try {
    return await transport.sendMail({
      from: "noreply@inps.it",
      to: "mario@example.it",
      subject: "Prova",
      text: "testo",
      ...extra,
    });
  } finally {
    transport.close();
  }
}

describe("control plane", () => {
  it("refuses every /__sim route without the token, or with a wrong one", async () => {
    const routes: [string, string][] = [
      ["GET", "/__sim/clock"],
      ["POST", "/__sim/reset"],
      ["PUT", "/__sim/faults"],
      ["PUT", "/__sim/smtp-faults"],
      ["DELETE", "/__sim/smtp-faults"],
      ["GET", "/__sim/pec/pending"],
    ];
    for (const [method, path] of routes) {
      for (const headers of [
        {},
        { authorization: "Bearer wrong-token-xyz" },
        { authorization: "Basic dGVzdA==" },
      ] as Record<string, string>[]) {
        const res = await t.http(path, { method, headers, body: method === "PUT" ? "{}" : undefined });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
    }
  });

  it("is not mounted at all with SIM_CONTROL=off", async () => {
    const app = createMailApp({
      db: t.handle.db,
      database: { kind: t.handle.kind, location: "test" },
      clock: {
        now: () => new Date(),
        advance: async () => new Date(),
        setTo: async (d) => d,
        catchUpTo: async (d) => d,
      },
      logger: createLogger({ service: "mail-gateway", level: "silent" }),
      faults: new FaultInjector("x"),
      adminToken: undefined,
    });
    expect((await app.request("/__sim/clock", { headers: auth })).status).toBe(404);
    expect(
      (await app.request("/__sim/smtp-faults", { method: "PUT", headers: auth, body: "{}" })).status,
    ).toBe(404);
  });

  it("does not let Mailpit's chaos API set faults unless MAIL_CHAOS is on", async () => {
    await expect(mailpit.getChaosTriggers()).rejects.toThrow(/Chaos is not enabled/);
    await expect(mailpit.setChaosTriggers({ Sender: { ErrorCode: 451, Probability: 100 } })).rejects.toThrow(
      /400/,
    );
  });
});

describe("IDs and paths", () => {
  it("finds nothing with traversal, encoded separators or over-long IDs", async () => {
    await sendOnce();
    for (const path of [
      "/api/v1/message/..%2F..%2Fetc%2Fpasswd",
      "/api/v1/message/%2e%2e/raw",
      "/api/v1/message/..%5C..%5Cwindows/headers",
      "/api/v1/message/" + "a".repeat(65),
      "/api/v1/message/latest/part/..%2F1",
      "/view/..%2F..%2Fetc%2Fpasswd.txt",
      "/view/%2e%2e%2fx",
    ]) {
      const res = await t.http(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toMatch(/root:|at .*\.ts:\d+/);
    }
    // A NUL is text the database cannot store: refused at the edge, naming the parameter as /openapi.json does (docs/contract.md).
    const nul = await t.http("/api/v1/message/abc%00def");
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({ code: "validation-failed", errors: [{ path: "path.ID" }] });
  });

  it("ignores invalid IDs in bulk calls instead of failing", async () => {
    await sendOnce();
    expect(await mailpit.deleteMessages({ IDs: ["../../x", "' or 1=1 --"] })).toBe("ok");
    expect(await mailpit.setReadStatus({ IDs: ["../../x"], Read: true })).toBe("ok");
    expect((await mailpit.listMessages()).total).toBe(1);
    expect((await mailpit.listMessages()).unread).toBe(1);
  });
});

describe("size limits", () => {
  it("refuses a message over SMTP_MAX_MESSAGE_SIZE with 552 and stores nothing", async () => {
    const error = (await sendOnce({ text: "x".repeat(LIMIT * 2) }).catch((e: unknown) => e)) as {
      responseCode?: number;
    };
    expect(error.responseCode).toBe(552);
    expect((await mailpit.listMessages()).total).toBe(0);
    await sendOnce({ text: "x".repeat(LIMIT / 4) });
    expect((await mailpit.listMessages()).total).toBe(1);
  });

  it("refuses oversized API bodies with 413", async () => {
    const res = await t.http("/api/v1/messages", {
      method: "PUT",
      body: JSON.stringify({ IDs: Array(200_000).fill("abcdefghijklmnopqrstuv") }),
    });
    expect(res.status).toBe(413);
  });

  it("refuses too many IDs at once", async () => {
    const res = await t.http("/api/v1/messages", {
      method: "DELETE",
      body: JSON.stringify({ IDs: Array(10_001).fill("a") }),
    });
    expect(res.status).toBe(400);
  });
});

describe("the inbox page", () => {
  it("escapes every value and shows HTML mail only in a sandboxed frame", async () => {
    await sendOnce({
      from: '"<img src=x onerror=alert(1)>" <evil@example.it>',
      subject: "<script>alert('subject')</script>",
      text: "</pre><script>alert('text')</script>",
      html: '<p onclick="alert(1)">ciao</p><script>alert("html")</script>',
      headers: { "X-Evil": "<b>bold</b>" },
    });
    const list = await t.http("/");
    expect(list.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await list.text();
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;");
    expect(page).not.toContain("<img src=x");
    const id = (await mailpit.listMessages()).messages[0]!.ID;
    const view = await (await t.http(`/view/${id}`)).text();
    expect(view).not.toContain("<script>");
    expect(view).not.toContain("<b>bold</b>");
    expect(view).toMatch(
      /<iframe sandbox title="[^"]*" srcdoc="&lt;p onclick=&quot;alert\(1\)&quot;&gt;ciao/,
    );
    // The raw HTML view is served with a sandboxing CSP.
    const html = await t.http(`/view/${id}.html`);
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("counts attachments in words, with no pictograph a system font may lack", async () => {
    await sendOnce({ attachments: [{ filename: "lettera.txt", content: "allegato" }] });
    const page = await (await t.http("/")).text();
    expect(page).toContain("1 allegato");
    // Nothing outside the Basic Multilingual Plane (emoji), which many system fonts draw as a box.
    expect(page).not.toMatch(/[\u{10000}-\u{10FFFF}]/u);
  });

  it("answers a search with HTML in it safely", async () => {
    const res = await t.http(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain("<script>alert(1)</script>");
  });
});
