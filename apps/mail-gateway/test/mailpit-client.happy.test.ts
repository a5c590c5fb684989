// Drives the gateway with the npm `mailpit-api` client, exactly as a suite written for Mailpit would.
import { MailpitClient } from "mailpit-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;

beforeAll(async () => {
  t = await startTestService();
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const send = (
  to: string,
  subject: string,
  text = "Prima parte del PIN: 12345678 fine",
  extra: Record<string, unknown> = {},
) => t.send({ from: "INPS <noreply@inps.it>", to, subject, text, ...extra });

describe("mailpit-api against the gateway", () => {
  it("lists messages newest first with Mailpit's fields and totals", async () => {
    await send("mario.rossi@example.it", "Primo");
    await send("Anna Bianchi <anna.bianchi@example.it>", "Secondo");
    const list = await mailpit.listMessages();
    expect(list.total).toBe(2);
    expect(list.unread).toBe(2);
    expect(list.count).toBe(2);
    expect(list.messages_count).toBe(2);
    expect(list.start).toBe(0);
    expect(list.tags).toEqual([]);
    expect(list.messages.map((m) => m.Subject)).toEqual(["Secondo", "Primo"]);
    const [first] = list.messages;
    expect(first!.ID).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(first!.From).toEqual({ Name: "INPS", Address: "noreply@inps.it" });
    expect(first!.To).toEqual([{ Name: "Anna Bianchi", Address: "anna.bianchi@example.it" }]);
    expect(first!.Read).toBe(false);
    expect(first!.Snippet).toContain("Prima parte del PIN: 12345678");
    expect(first!.Attachments).toBe(0);
    expect(first!.Size).toBeGreaterThan(100);
    expect(first!.MessageID).toMatch(/@inps\.it$/);
    // Created comes from the simulated clock, which started in March 2026.
    expect(first!.Created.startsWith("2026-03-02")).toBe(true);
  });

  it("pages with start and limit", async () => {
    for (let i = 0; i < 5; i++) await send("p@example.it", `Pagina ${i}`);
    const page = await mailpit.listMessages(1, 2);
    expect(page.messages.map((m) => m.Subject)).toEqual(["Pagina 3", "Pagina 2"]);
    expect(page.start).toBe(1);
    expect(page.count).toBe(2);
    expect(page.messages_count).toBe(5);
  });

  it("searches with Mailpit's syntax", async () => {
    await send("mario.rossi@example.it", "PIN: prima parte", "Prima parte del PIN: 11112222");
    await send("anna.bianchi@example.it", "PIN: seconda parte", "Seconda parte del PIN: 33334444");
    await send("mario.rossi@example.it", "Codice di verifica", "Codice di verifica: 998877");
    const subjects = async (query: string) =>
      (await mailpit.searchMessages({ query })).messages.map((m) => m.Subject);
    expect(await subjects("to:mario.rossi@example.it")).toEqual(["Codice di verifica", "PIN: prima parte"]);
    expect(await subjects("to:mario.rossi@example.it subject:PIN")).toEqual(["PIN: prima parte"]);
    expect(await subjects('"seconda parte del pin"')).toEqual(["PIN: seconda parte"]);
    expect(await subjects("-to:mario.rossi")).toEqual(["PIN: seconda parte"]);
    expect(await subjects("!subject:PIN")).toEqual(["Codice di verifica"]);
    expect(await subjects("998877")).toEqual(["Codice di verifica"]);
    expect(await subjects("from:noreply@inps.it")).toHaveLength(3);
    expect(await subjects("from:nobody@example.com")).toEqual([]);
    const result = await mailpit.searchMessages({ query: "to:mario.rossi" });
    expect(result.messages_count).toBe(2);
    expect(result.total).toBe(3);
    expect(result.messages_unread).toBe(2);
  });

  it("reads a message (marking it read), also as latest", async () => {
    await send("mario.rossi@example.it", "Uno");
    await send("mario.rossi@example.it", "Due", "Seconda parte del PIN: 5566", {
      html: "<p>Seconda parte del PIN: <b>5566</b></p>",
    });
    const latest = await mailpit.getMessageSummary();
    expect(latest.Subject).toBe("Due");
    expect(latest.Text).toContain("Seconda parte del PIN: 5566");
    expect(latest.HTML).toContain("<b>5566</b>");
    expect(latest.From.Address).toBe("noreply@inps.it");
    expect(latest.Attachments).toEqual([]);
    expect(latest.Inline).toEqual([]);
    expect(latest.ReturnPath).toBe("noreply@inps.it");
    expect(latest.ListUnsubscribe.Links).toEqual([]);
    const byId = await mailpit.getMessageSummary(latest.ID);
    expect(byId.ID).toBe(latest.ID);
    expect((await mailpit.searchMessages({ query: "is:read" })).messages.map((m) => m.Subject)).toEqual([
      "Due",
    ]);
    expect((await mailpit.searchMessages({ query: "is:unread" })).messages.map((m) => m.Subject)).toEqual([
      "Uno",
    ]);
    expect((await mailpit.listMessages()).unread).toBe(1);
  });

  it("returns headers (Go's canonical keys, sorted) and the raw source", async () => {
    const { messageId } = await send("mario.rossi@example.it", "Intestazioni", "testo", {
      headers: { "X-Pratica": "PIN-42" },
    });
    const headers = await mailpit.getMessageHeaders();
    expect(headers.Subject).toEqual(["Intestazioni"]);
    expect(headers["X-Pratica"]).toEqual(["PIN-42"]);
    expect(headers["Message-Id"]).toEqual([messageId]);
    expect(Object.keys(headers)).toEqual([...Object.keys(headers)].sort());
    const source = await mailpit.getMessageSource();
    expect(source).toContain("Subject: Intestazioni");
    expect(source).toContain("X-Pratica: PIN-42");
  });

  it("sets the read status by IDs, by search and for all", async () => {
    await send("a@example.it", "A");
    await send("b@example.it", "B");
    const { messages } = await mailpit.listMessages();
    expect(await mailpit.setReadStatus({ IDs: [messages[0]!.ID], Read: true })).toBe("ok");
    expect((await mailpit.listMessages()).unread).toBe(1);
    expect(await mailpit.setReadStatus({ Search: "to:a@example.it", Read: true })).toBe("ok");
    expect((await mailpit.listMessages()).unread).toBe(0);
    expect(await mailpit.setReadStatus()).toBe("ok");
    expect((await mailpit.listMessages()).unread).toBe(2);
  });

  it("deletes by IDs, by search and all", async () => {
    await send("a@example.it", "A");
    await send("b@example.it", "B");
    await send("c@example.it", "C");
    const { messages } = await mailpit.listMessages();
    expect(await mailpit.deleteMessages({ IDs: [messages[0]!.ID] })).toBe("ok");
    expect((await mailpit.listMessages()).messages.map((m) => m.Subject)).toEqual(["B", "A"]);
    expect(await mailpit.deleteMessagesBySearch({ query: "to:b@example.it" })).toBe("ok");
    expect((await mailpit.listMessages()).messages.map((m) => m.Subject)).toEqual(["A"]);
    expect(await mailpit.deleteMessages()).toBe("ok");
    expect((await mailpit.listMessages()).total).toBe(0);
  });

  it("reports info", async () => {
    await send("a@example.it", "A");
    const info = await mailpit.getInfo();
    expect(info.Messages).toBe(1);
    expect(info.Unread).toBe(1);
    expect(typeof info.Version).toBe("string");
    expect(info.RuntimeStats.SMTPAccepted).toBeGreaterThanOrEqual(1);
    expect(info.DatabaseSize).toBeGreaterThan(0);
  });

  it("waits for a message that arrives later", async () => {
    setTimeout(() => void send("attesa@example.it", "Arriva dopo", "Codice di verifica: 424242"), 300);
    const message = await mailpit.waitForMessage(
      { query: "to:attesa@example.it" },
      { timeout: 5000, interval: 100 },
    );
    expect(message.Subject).toBe("Arriva dopo");
    expect(message.Text).toContain("Codice di verifica: 424242");
  });

  it("sets, lists, searches, renames and deletes tags", async () => {
    await send("a@example.it", "A");
    await send("b@example.it", "B");
    const { messages } = await mailpit.listMessages();
    expect(await mailpit.setTags({ IDs: [messages[0]!.ID], Tags: ["pin", "Recupero PIN"] })).toBe("ok");
    expect(await mailpit.getTags()).toEqual(["pin", "Recupero PIN"]);
    expect((await mailpit.searchMessages({ query: "tag:pin" })).messages.map((m) => m.Subject)).toEqual([
      "B",
    ]);
    expect(
      (await mailpit.searchMessages({ query: '"tag:Recupero PIN"' })).messages.map((m) => m.Subject),
    ).toEqual(["B"]);
    expect((await mailpit.searchMessages({ query: "is:tagged" })).messages_count).toBe(1);
    expect((await mailpit.listMessages()).tags).toEqual(["pin", "Recupero PIN"]);
    expect((await mailpit.getInfo()).Tags).toEqual({ pin: 1, "Recupero PIN": 1 });
    expect(await mailpit.renameTag("pin", "credenziali")).toBe("ok");
    expect(await mailpit.getTags()).toEqual(["credenziali", "Recupero PIN"]);
    expect(await mailpit.deleteTag("credenziali")).toBe("ok");
    expect(await mailpit.getTags()).toEqual(["Recupero PIN"]);
    expect(await mailpit.setTags({ IDs: [messages[0]!.ID] })).toBe("ok");
    expect(await mailpit.getTags()).toEqual([]);
  });

  it("tags from X-Tags and plus-addresses, as Mailpit does", async () => {
    await send("mario+pin@example.it", "Plus", "x", { headers: { "X-Tags": "inps, attivazione" } });
    const [m] = (await mailpit.listMessages()).messages;
    expect([...m!.Tags].sort()).toEqual(["attivazione", "inps", "pin"]);
  });

  it("serves attachments and the text/HTML views", async () => {
    await send("a@example.it", "Con allegato", "vedi allegato", {
      html: "<p>vedi allegato</p>",
      attachments: [{ filename: "lettera.txt", content: "Codice di ripristino: ABCD" }],
    });
    const m = await mailpit.getMessageSummary();
    expect(m.Attachments).toHaveLength(1);
    const att = m.Attachments[0]!;
    expect(att.FileName).toBe("lettera.txt");
    expect(att.Checksums.SHA256).toMatch(/^[0-9a-f]{64}$/);
    const blob = await mailpit.getMessageAttachment(m.ID, att.PartID);
    expect(await blob.text()).toBe("Codice di ripristino: ABCD");
    expect((await mailpit.listMessages()).messages[0]!.Attachments).toBe(1);
    expect((await mailpit.searchMessages({ query: "has:attachment" })).messages_count).toBe(1);
    expect(await mailpit.renderMessageText(m.ID)).toContain("vedi allegato");
    expect(await mailpit.renderMessageHTML(m.ID)).toContain("<p>vedi allegato</p>");
  });
});
