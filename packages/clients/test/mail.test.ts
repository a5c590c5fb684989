// The mail client against stand-ins: a tiny SMTP server (node:net) and a Mailpit-shaped HTTP server.
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, type AddressInfo, type Server as NetServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailClient, findMailSecret, MailSendError, newMessageId } from "../src/mail.ts";

interface FakeSmtp {
  port: number;
  received: string[];
  /** Reply to the next RCPT with this line instead of 250. */
  failRcpt: string | null;
  close(): Promise<void>;
}

async function fakeSmtp(): Promise<FakeSmtp> {
  const state = { received: [] as string[], failRcpt: null as string | null };
  const server: NetServer = createServer((socket) => {
    let inData = false;
    let data = "";
    let buffer = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            state.received.push(data);
            data = "";
            socket.write("250 Ok: queued as FAKE\r\n");
          } else data += `${line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-fake\r\n250 8BITMIME\r\n");
        else if (verb === "RCPT" && state.failRcpt) socket.write(`${state.failRcpt}\r\n`);
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 Ok\r\n");
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    get received() {
      return state.received;
    },
    get failRcpt() {
      return state.failRcpt;
    },
    set failRcpt(v) {
      state.failRcpt = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  } as FakeSmtp;
}

const message = {
  ID: "abc",
  Subject: "Il tuo PIN",
  Text: "Gentile utente,\nPrima parte del PIN: AB12CD34\n",
  HTML: "",
};

/** A PEC transport envelope as a PEC mailbox receives it: the provider's notice, the original in postacert.eml. */
const pecEnvelope = {
  ID: "pec",
  Subject: "POSTA CERTIFICATA: Prima parte del PIN",
  Text: "Messaggio di posta certificata\nIl messaggio originale è incluso in allegato.\n",
  HTML: "",
  Attachments: [
    { PartID: "2", FileName: "daticert.xml", ContentType: "application/xml" },
    { PartID: "3", FileName: "postacert.eml", ContentType: "message/rfc822" },
  ],
};
const postacert = [
  "From: INPS <noreply@postacert.inps.gov.it>",
  "To: mario.rossi@pec.it",
  "Subject: Prima parte del PIN",
  "Content-Type: text/plain; charset=utf-8",
  "Content-Transfer-Encoding: quoted-printable",
  "",
  "Gentile cittadino, ecco la Prima parte del PIN: QX7=",
  "P2K9M",
  "",
].join("\r\n");

let smtp: FakeSmtp;
let http: Server;
let apiUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  smtp = await fakeSmtp();
  http = createHttpServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader("content-type", "application/json");
    if (req.url?.startsWith("/api/v1/search")) {
      res.end(JSON.stringify({ messages: [{ ID: "abc" }], messages_count: 1, total: 1 }));
    } else if (req.url === "/api/v1/message/abc") {
      res.end(JSON.stringify(message));
    } else if (req.url === "/api/v1/message/pec") {
      res.end(JSON.stringify(pecEnvelope));
    } else if (req.url === "/api/v1/message/pec/part/3") {
      res.setHeader("content-type", "message/rfc822");
      res.end(postacert);
    } else {
      res.statusCode = 404;
      res.end("404 page not found");
    }
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await smtp.close();
  await new Promise<void>((r) => http.close(() => r()));
});

describe("mail client", () => {
  it("sends over SMTP with a generated Message-ID", async () => {
    const client = createMailClient({ apiUrl, smtpPort: smtp.port });
    try {
      const sent = await client.send({
        from: "INPS <noreply@inps.it>",
        to: "mario@example.it",
        subject: "Prova",
        text: "Codice di verifica: 123456",
      });
      expect(sent.messageId).toMatch(/^<[0-9a-f-]{36}@inps\.it>$/);
      expect(sent.accepted).toEqual(["mario@example.it"]);
      const raw = smtp.received.at(-1)!;
      expect(raw).toContain(`Message-ID: ${sent.messageId}`);
      expect(raw).toContain("Codice di verifica: 123456");
    } finally {
      client.close();
    }
  });

  it("keeps a given Message-ID", async () => {
    const client = createMailClient({ apiUrl, smtpPort: smtp.port });
    try {
      const sent = await client.send({
        to: "a@example.it",
        subject: "x",
        text: "y",
        messageId: "pin-42@inps.it",
      });
      expect(sent.messageId).toBe("<pin-42@inps.it>");
    } finally {
      client.close();
    }
  });

  it("reports an SMTP refusal with its code, command and whether a retry may help", async () => {
    const client = createMailClient({ apiUrl, smtpPort: smtp.port });
    smtp.failRcpt = "451 4.3.0 try later";
    try {
      const error = await client
        .send({ to: "a@example.it", subject: "x", text: "y" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailSendError);
      expect((error as MailSendError).responseCode).toBe(451);
      expect((error as MailSendError).transient).toBe(true);
      smtp.failRcpt = "550 5.1.1 no such user";
      const permanent = (await client
        .send({ to: "a@example.it", subject: "x", text: "y" })
        .catch((e: unknown) => e)) as MailSendError;
      expect(permanent.responseCode).toBe(550);
      expect(permanent.transient).toBe(false);
    } finally {
      smtp.failRcpt = null;
      client.close();
    }
  });

  it("reports an unreachable SMTP server as transient", async () => {
    const client = createMailClient({ apiUrl, smtpPort: 1, smtpTimeoutMs: 1000 });
    try {
      const error = (await client
        .send({ to: "a@example.it", subject: "x", text: "y" })
        .catch((e: unknown) => e)) as MailSendError;
      expect(error).toBeInstanceOf(MailSendError);
      expect(error.transient).toBe(true);
      expect(error.responseCode).toBeUndefined();
    } finally {
      client.close();
    }
  });

  it("waits for a message and finds a secret in it through Mailpit's API", async () => {
    const client = createMailClient({ apiUrl });
    expect(await client.waitForSecret("to:mario@example.it", "Prima parte del PIN")).toBe("AB12CD34");
    expect(requests).toContain("GET /api/v1/search?query=to%3Amario%40example.it");
    await expect(client.waitForSecret("to:mario@example.it", "Codice di verifica")).rejects.toThrow(
      /Codice di verifica/,
    );
  });

  it("reads the secret of a PEC message inside its transport envelope's postacert.eml", async () => {
    const client = createMailClient({ apiUrl });
    const envelope = await client.message("pec");
    expect(findMailSecret(envelope, "Prima parte del PIN")).toBeUndefined();
    expect(await client.secretIn(envelope, "Prima parte del PIN")).toBe("QX7P2K9M");
    expect(requests).toContain("GET /api/v1/message/pec/part/3");
    expect(await client.secretIn(envelope, "Codice di verifica")).toBeUndefined();
  });

  it("finds secrets in the HTML when the text part lacks them", () => {
    expect(
      findMailSecret({ Text: "", HTML: "<p>Codice di ripristino: <b>XY-99</b></p>" }, "Codice di ripristino"),
    ).toBe("XY-99");
    expect(newMessageId("noreply@inps.it")).toMatch(/@inps\.it>$/);
  });
});
