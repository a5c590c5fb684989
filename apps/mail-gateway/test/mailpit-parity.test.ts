// The gateway held to Mailpit where a Mailpit client can tell the difference. Each case drives the gateway through
// nodemailer or a raw SMTP session and reads it back through `mailpit-api`; the expected answer is Mailpit's, written
// from its source: github.com/axllent/mailpit v1.30.5 (commit 408b30d59709e3f2ed69c7748d900a2208cfbf9b), file and
// line named in each case.
import { MailpitClient } from "mailpit-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestService, Wire, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;
beforeAll(async () => {
  t = await startTestService();
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

/** One raw SMTP transaction; answers every reply line and the stored message's ID (from "queued as <ID>"). */
async function rawSmtp(options: {
  helo?: string;
  from: string;
  to: string[];
  data: string;
  before?: string[];
}): Promise<{ lines: string[]; id: string }> {
  const wire = new Wire(t.smtpPort);
  try {
    await wire.replies(1);
    wire.write(`EHLO ${options.helo ?? "client.example"}\r\n`);
    await wire.replies(1);
    for (const line of options.before ?? []) {
      wire.write(`${line}\r\n`);
      await wire.replies(1);
    }
    const lines: string[] = [];
    wire.write(`MAIL FROM:<${options.from}>\r\n`);
    lines.push(...(await wire.replies(1)));
    for (const to of options.to) {
      wire.write(`RCPT TO:<${to}>\r\n`);
      lines.push(...(await wire.replies(1)));
    }
    wire.write("DATA\r\n");
    lines.push(...(await wire.replies(1)));
    wire.write(options.data);
    lines.push(...(await wire.replies(1)));
    wire.write("QUIT\r\n");
    const id = /queued as (\S+)/.exec(lines.at(-1) ?? "")?.[1] ?? "";
    return { lines, id };
  } finally {
    wire.close();
  }
}

/** The replies of one session of commands, each sent after the previous answer. */
async function commands(list: string[]): Promise<string[]> {
  const wire = new Wire(t.smtpPort);
  try {
    await wire.replies(1);
    const out: string[] = [];
    for (const command of list) {
      wire.write(`${command}\r\n`);
      out.push((await wire.replies(1)).at(-1)!);
    }
    return out;
  } finally {
    wire.close();
  }
}

const subjects = async (query: string) =>
  (await mailpit.searchMessages({ query })).messages.map((m) => m.Subject);

describe("the envelope (internal/smtpd/main.go SaveToDatabase)", () => {
  it("puts recipients only on the envelope in Bcc, where bcc: and addressed: find them (main.go:108-138)", async () => {
    await t.send({
      from: "INPS <noreply@inps.it>",
      to: "mario.rossi@example.it",
      bcc: "archivio@inps.it",
      subject: "Con copia nascosta",
      text: "x",
    });
    const message = await mailpit.getMessageSummary();
    expect(message.To).toEqual([{ Name: "", Address: "mario.rossi@example.it" }]);
    expect(message.Bcc).toEqual([{ Name: "", Address: "archivio@inps.it" }]);
    expect(await subjects("bcc:archivio@inps.it")).toEqual(["Con copia nascosta"]);
    expect(await subjects("addressed:archivio@inps.it")).toEqual(["Con copia nascosta"]);
    expect((await mailpit.getMessageHeaders(message.ID)).Bcc).toEqual(["archivio@inps.it"]);
  });

  it("does the same for a sender that writes no To at all", async () => {
    const { id } = await rawSmtp({
      from: "noreply@inps.it",
      to: ["anna.bianchi@example.it", "luca.verdi@example.it"],
      data: "From: noreply@inps.it\r\nSubject: Senza destinatari\r\n\r\nCorpo\r\n.\r\n",
    });
    const message = await mailpit.getMessageSummary(id);
    expect(message.To).toEqual([]);
    expect(message.Bcc.map((a) => a.Address)).toEqual(["anna.bianchi@example.it", "luca.verdi@example.it"]);
    expect(await subjects("bcc:luca.verdi")).toEqual(["Senza destinatari"]);
  });

  it("takes ReturnPath from MAIL FROM, written as a Return-Path header (main.go:51-58, storage/messages.go:340-343)", async () => {
    await t.send({
      from: "INPS <noreply@inps.it>",
      to: "mario.rossi@example.it",
      subject: "Rimbalzi",
      text: "x",
      envelope: { from: "bounces@inps.it", to: ["mario.rossi@example.it"] },
    });
    const message = await mailpit.getMessageSummary();
    expect(message.From.Address).toBe("noreply@inps.it");
    expect(message.ReturnPath).toBe("bounces@inps.it");
    expect((await mailpit.getMessageHeaders(message.ID))["Return-Path"]).toEqual(["<bounces@inps.it>"]);
  });
});

describe("headers added on arrival", () => {
  it("gives a message without a Message-ID one of its own, <22 characters@mailpit> (main.go:60-67)", async () => {
    const { id } = await rawSmtp({
      from: "script@example.it",
      to: ["mario.rossi@example.it"],
      data: "From: script@example.it\r\nTo: mario.rossi@example.it\r\nSubject: Da uno script\r\n\r\nCorpo\r\n.\r\n",
    });
    const message = await mailpit.getMessageSummary(id);
    expect(message.MessageID).toMatch(/^[0-9A-Za-z]{22}@mailpit$/);
    expect((await mailpit.getMessageHeaders(id))["Message-Id"]).toEqual([`<${message.MessageID}>`]);
    expect(await subjects(`message-id:${message.MessageID}`)).toEqual(["Da uno script"]);
  });

  it("writes a Received header for the first recipient (smtpd.go:575-579 and 916-929)", async () => {
    const { id } = await rawSmtp({
      helo: "mittente.example",
      from: "a@example.it",
      to: ["primo@example.it", "secondo@example.it"],
      data: "Subject: Ricevuto\r\n\r\nx\r\n.\r\n",
    });
    const [received] = (await mailpit.getMessageHeaders(id)).Received ?? [];
    expect(received).toMatch(
      /^from mittente\.example \(unknown \[127\.0\.0\.1\]\) by \S+ \(.+\) with SMTP for <primo@example\.it>; \w{3}, \d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4} \(\w+\)$/,
    );
  });

  it("counts those headers in Size, as larger:/smaller: and /raw do (storage/messages.go:95)", async () => {
    const body = "From: a@example.it\r\nTo: b@example.it\r\nSubject: Misura\r\n\r\nx\r\n";
    const { id } = await rawSmtp({ from: "a@example.it", to: ["b@example.it"], data: `${body}.\r\n` });
    const message = await mailpit.getMessageSummary(id);
    const raw = Buffer.from(await (await t.http(`/api/v1/message/${id}/raw`)).arrayBuffer());
    expect(message.Size).toBe(raw.length);
    expect(message.Size).toBeGreaterThan(Buffer.byteLength(body));
    expect(await subjects(`larger:${message.Size - 1}`)).toEqual(["Misura"]);
    expect(await subjects(`smaller:${message.Size + 1}`)).toEqual(["Misura"]);
    expect(await subjects(`larger:${message.Size}`)).toEqual([]);
  });
});

describe("HTML-only mail and the views", () => {
  const html = `<html><head><title>Avviso</title></head><body><h1>Il tuo PIN</h1><p>Prima parte del PIN: <b>AB12CD34</b></p><p><a href="https://www.inps.it/pin">Gestisci il PIN</a></p><img src="cid:logo@inps.it"></body></html>`;
  const logo = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );

  it("derives Text from the HTML as enmime does with html2text (enmime envelope.go:214-221)", async () => {
    await t.send({ from: "noreply@inps.it", to: "mario.rossi@example.it", subject: "Solo HTML", html });
    const message = await mailpit.getMessageSummary();
    // html2text: h1 framed by asterisks as wide as the title minus one, <b> as *…*, a link followed by "( href )".
    expect(message.Text).toBe(
      "**********\nIl tuo PIN\n**********\n\nPrima parte del PIN: *AB12CD34*\n\nGestisci il PIN ( https://www.inps.it/pin )",
    );
    expect(await mailpit.renderMessageText(message.ID)).toBe(message.Text);
  });

  it("points cid: links at the parts API in /view/{ID}.html (server/apiv1/testing.go:148-175)", async () => {
    await t.send({
      from: "noreply@inps.it",
      to: "mario.rossi@example.it",
      subject: "Con logo",
      html,
      attachments: [{ filename: "logo.png", content: logo, cid: "logo@inps.it" }],
    });
    const message = await mailpit.getMessageSummary();
    const part = message.Inline.find((p) => p.ContentID === "logo@inps.it");
    expect(part).toBeDefined();
    const view = await mailpit.renderMessageHTML(message.ID);
    expect(view).toContain(`<img src="/api/v1/message/${message.ID}/part/${part!.PartID}">`);
    expect(view).not.toContain("cid:");
    expect((await t.http(`/api/v1/message/${message.ID}/part/${part!.PartID}`)).status).toBe(200);
  });

  it("with embed=1 opens links in a new window (testing.go:67-80)", async () => {
    await t.send({ from: "noreply@inps.it", to: "mario.rossi@example.it", subject: "Embed", html });
    const { ID } = await mailpit.getMessageSummary();
    const embedded = await (await t.http(`/view/${ID}.html?embed=1`)).text();
    expect(embedded).toContain(
      `<a href="https://www.inps.it/pin" target="_blank" rel="noreferrer noopener">`,
    );
    expect(await (await t.http(`/view/${ID}.html`)).text()).not.toContain("_blank");
  });
});

describe("dates", () => {
  it("keep the sender's offset, as Go's time marshals them (storage/messages.go:345)", async () => {
    await t.send({
      from: "noreply@inps.it",
      to: "mario.rossi@example.it",
      subject: "Data",
      text: "x",
      date: "Mon, 02 Mar 2026 10:00:00 +0100",
    });
    const message = await mailpit.getMessageSummary();
    expect(message.Date).toBe("2026-03-02T10:00:00+01:00");
    // Created: milliseconds since the epoch in the server's zone (UTC), RFC 3339 with trailing zeros dropped.
    const [summary] = (await mailpit.listMessages()).messages;
    expect(summary!.Created).toMatch(/^2026-03-02T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
    expect(summary!.Created).not.toMatch(/\.\d*0Z$/);
  });
});

describe("SMTP answers (internal/smtpd/smtpd.go)", () => {
  it("ends DATA only at <CRLF>.<CRLF>: a bare LF dot LF is content (smtpd.go:897-900)", async () => {
    const { id } = await rawSmtp({
      from: "a@example.it",
      to: ["b@example.it"],
      data: "Subject: Punto\r\n\r\nprima\n.\ndopo\r\n.\r\n",
    });
    const message = await mailpit.getMessageSummary(id);
    expect(message.Text).toContain("dopo");
  });

  it("refuses the 101st recipient with 452 (smtpd.go:378-380 and 519-520)", async () => {
    const to = Array.from({ length: 101 }, (_, i) => `r${i}@example.it`);
    const { lines } = await rawSmtp({ from: "a@example.it", to, data: "Subject: Cento\r\n\r\nx\r\n.\r\n" });
    const rcpt = lines.slice(1, 102);
    expect(rcpt.slice(0, 100).every((l) => l.startsWith("250 "))).toBe(true);
    expect(rcpt[100]).toMatch(/^452 4\.5\.3 /);
    expect(lines.at(-1)).toMatch(/^250 /);
    expect((await mailpit.listMessages()).messages[0]!.Bcc).toHaveLength(100);
  });

  it("answers VRFY, EXPN and HELP with 502 5.5.1 (smtpd.go:678-680)", async () => {
    const replies = await commands(["EHLO client.example", "VRFY postmaster", "EXPN staff", "HELP"]);
    expect(replies.slice(1).map((r) => r.slice(0, 9))).toEqual(["502 5.5.1", "502 5.5.1", "502 5.5.1"]);
  });

  it("records the AUTH user name as Username (storage/messages.go:58-60)", async () => {
    const plain = Buffer.from("\u0000operatore\u0000segreta").toString("base64");
    const { id } = await rawSmtp({
      from: "a@example.it",
      to: ["b@example.it"],
      before: [`AUTH PLAIN ${plain}`],
      data: "Subject: Autenticato\r\n\r\nx\r\n.\r\n",
    });
    expect((await mailpit.getMessageSummary(id)).Username).toBe("operatore");
    expect((await mailpit.listMessages()).messages[0]!.Username).toBe("operatore");
  });
});

describe("summaries", () => {
  it("cuts Snippet at 200 bytes, not characters (internal/tools/snippets.go:37-41, 50-69)", async () => {
    await t.send({
      from: "noreply@inps.it",
      to: "mario.rossi@example.it",
      subject: "Accenti",
      text: "è".repeat(150),
    });
    const [summary] = (await mailpit.listMessages()).messages;
    expect(summary!.Snippet).toBe(`${"è".repeat(99)}...`);
  });

  it("counts a forwarded message/rfc822 as an attachment, not as text (enmime envelope.go:322-325)", async () => {
    const forwarded =
      "From: a@example.it\r\nTo: b@example.it\r\nSubject: Originale\r\n\r\nTesto originale\r\n";
    await t.send({
      from: "noreply@inps.it",
      to: "mario.rossi@example.it",
      subject: "Inoltro",
      text: "Vedi il messaggio inoltrato",
      attachments: [
        {
          filename: "originale.eml",
          content: forwarded,
          contentType: "message/rfc822",
          contentDisposition: "attachment",
        },
      ],
    });
    const [summary] = (await mailpit.listMessages()).messages;
    expect(summary!.Attachments).toBe(1);
    const message = await mailpit.getMessageSummary(summary!.ID);
    expect(message.Attachments.map((a) => [a.FileName, a.ContentType])).toEqual([
      ["originale.eml", "message/rfc822"],
    ]);
    expect(message.Text).not.toContain("Testo originale");
    expect(await subjects("has:attachment")).toEqual(["Inoltro"]);
  });

  it("lists an inline message/rfc822 (nodemailer's default) with the inline parts, its text kept out (envelope.go:327-330)", async () => {
    await t.send({
      from: "noreply@inps.it",
      to: "mario.rossi@example.it",
      subject: "Inoltro in linea",
      text: "Vedi sotto",
      attachments: [
        {
          filename: "originale.eml",
          content: "Subject: Originale\r\n\r\nTesto originale\r\n",
          contentType: "message/rfc822",
        },
      ],
    });
    const message = await mailpit.getMessageSummary();
    expect(message.Inline.map((a) => a.FileName)).toEqual(["originale.eml"]);
    expect(message.Attachments).toEqual([]);
    expect(message.Text).toBe("Vedi sotto");
  });
});

describe("the API's answers (server/apiv1)", () => {
  it("sends a message with POST /api/v1/send, the mailpit-api README's first example (send.go:22-89, 205)", async () => {
    const { ID } = await mailpit.sendMessage({
      From: { Email: "user@example.test" },
      To: [{ Email: "rec@example.test" }],
      Subject: "Test Email",
    });
    const message = await mailpit.getMessageSummary(ID);
    expect(message.From).toEqual({ Name: "", Address: "user@example.test" });
    expect(message.To).toEqual([{ Name: "", Address: "rec@example.test" }]);
    expect(message.Subject).toBe("Test Email");
    // Stored through SaveToDatabase, as SMTP mail is: Return-Path and a Message-ID of Mailpit's, but no Received.
    expect(message.ReturnPath).toBe("user@example.test");
    expect(message.MessageID).toMatch(/^[0-9A-Za-z]{22}@mailpit$/);
    expect((await mailpit.getMessageHeaders(ID)).Received).toBeUndefined();
    expect((await mailpit.listMessages()).total).toBe(1);
  });

  it("sends Bcc, tags and attachments, and refuses what Mailpit refuses with 400 {Error} (send.go:112-192)", async () => {
    const { ID } = await mailpit.sendMessage({
      From: { Email: "noreply@inps.it", Name: "INPS" },
      To: [{ Email: "mario.rossi@example.it" }],
      Bcc: ["archivio@inps.it"],
      Subject: "Con allegato",
      Text: "Prima parte del PIN: AB12CD34",
      Tags: ["pin"],
      Attachments: [
        { Filename: "nota.txt", Content: Buffer.from("nota").toString("base64"), ContentType: "text/plain" },
      ],
    });
    const message = await mailpit.getMessageSummary(ID);
    expect(message.Bcc).toEqual([{ Name: "", Address: "archivio@inps.it" }]);
    expect(message.Tags).toEqual(["pin"]);
    expect(message.Attachments.map((a) => a.FileName)).toEqual(["nota.txt"]);
    const post = (body: unknown) => t.http("/api/v1/send", { method: "POST", body: JSON.stringify(body) });
    const refused = await post({ From: { Email: "a@example.it" }, To: [{ Email: "not an address" }] });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ Error: "invalid To address: not an address" });
    expect(await (await post({ To: [{ Email: "b@example.it" }] })).json()).toEqual({
      Error: "error building message: from not set",
    });
    expect(
      await (
        await post({
          From: { Email: "a@example.it" },
          To: [{ Email: "b@example.it" }],
          Headers: { Subject: "x" },
        })
      ).json(),
    ).toEqual({
      Error: 'cannot overwrite header: "Subject"',
    });
  });

  it("refuses renaming a tag onto another and deleting an unknown one with 400 (storage/tags.go:225-234, 252-255)", async () => {
    await t.send({
      from: "noreply@inps.it",
      to: "mario.rossi@example.it",
      subject: "Etichette",
      text: "x",
      headers: { "X-Tags": "pin, verifica" },
    });
    const rename = await t.http("/api/v1/tags/pin", {
      method: "PUT",
      body: JSON.stringify({ Name: "Verifica" }),
    });
    expect(rename.status).toBe(400);
    expect(await rename.text()).toBe("tag already exists: Verifica");
    const unknown = await t.http("/api/v1/tags/nessuna", { method: "DELETE" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toBe("tag not found: nessuna");
    expect(await mailpit.getTags()).toEqual(["pin", "verifica"]);
    expect(await mailpit.renameTag("pin", "PIN")).toBe("ok");
    expect(await mailpit.deleteTag("verifica")).toBe("ok");
    expect(await mailpit.getTags()).toEqual(["PIN"]);
  });

  it("with limit=0 lists the whole mailbox and ignores start; a search gives nothing (storage/messages.go:223-225, search.go:82-86)", async () => {
    for (const n of [1, 2, 3])
      await t.send({
        from: "noreply@inps.it",
        to: "mario.rossi@example.it",
        subject: `Numero ${n}`,
        text: "x",
      });
    const all = await mailpit.listMessages(2, 0);
    expect(all.messages.map((m) => m.Subject)).toEqual(["Numero 3", "Numero 2", "Numero 1"]);
    expect(all.start).toBe(2);
    const search = await mailpit.searchMessages({ query: "numero", start: 0, limit: 0 });
    expect(search.messages).toEqual([]);
    expect(search.messages_count).toBe(3);
  });

  it("reads after:/before: in the tz of the request, for search and read status (storage/search.go:314-321, 467-496)", async () => {
    // The simulated clock starts at 2026-03-02T09:00:00Z: 10:00 in Rome.
    await t.send({ from: "noreply@inps.it", to: "mario.rossi@example.it", subject: "Alle dieci", text: "x" });
    const query = 'after:"2026-03-02 09:30"';
    expect((await mailpit.searchMessages({ query })).messages_count).toBe(0);
    expect((await mailpit.searchMessages({ query, tz: "Europe/Rome" })).messages_count).toBe(1);
    expect((await mailpit.searchMessages({ query, tz: "Not/AZone" })).messages_count).toBe(0);
    const put = await t.http(`/api/v1/messages?tz=${encodeURIComponent("Europe/Rome")}`, {
      method: "PUT",
      body: JSON.stringify({ Search: query, Read: true }),
    });
    expect(put.status).toBe(200);
    expect((await mailpit.listMessages()).unread).toBe(0);
  });

  it("answers a CORS preflight with an empty 200 and Mailpit's headers (server.go:223-224, 320-328; api.go:76-80)", async () => {
    const preflight = await t.http("/api/v1/messages", {
      method: "OPTIONS",
      headers: { origin: t.api, "access-control-request-method": "DELETE" },
    });
    expect(preflight.status).toBe(200);
    expect(await preflight.text()).toBe("");
    expect(preflight.headers.get("access-control-allow-origin")).toBe(t.api);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, PUT, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("*");
    // A page of another origin is refused unless MAIL_API_CORS allows it (cors.go:40-69).
    const foreign = await t.http("/api/v1/messages", { headers: { origin: "http://elsewhere.example" } });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toBe("Blocked due to CORS violation\n");
  });
});
