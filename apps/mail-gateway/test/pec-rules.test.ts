// Every kind of PEC envelope and receipt, held to the technical rules (DM 2 novembre 2005, allegato: sections 3.1
// and 3.2, the header fields of each message, and the Postacert DTD), to the daticert.xml a real provider writes,
// and to RFC 8551 for the S/MIME signature, verified with PKI.js. The expectations are written from those texts,
// not from the gateway's code: the test reads what a PEC client reads, the raw message through Mailpit's API.
import { ContentInfo, SignedData } from "pkijs";
import { simpleParser, type ParsedMail } from "mailparser";
import { MailpitClient } from "mailpit-api";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;

/** The rules' header table: what each kind carries, and what it must not. */
interface Kind {
  subject: string;
  xTrasporto: string | null;
  xRicevuta: string | null;
  xTipoRicevuta: string | null;
  /** "Per conto di" for the envelopes (they carry the sender's mail); the provider's plain address for receipts. */
  fromPerContoDi: boolean;
  attachments: string[];
  /** The postacert `tipo` of its daticert.xml; null: no daticert.xml (the anomaly envelope certifies nothing). */
  daticert: string | null;
}

const KINDS: Record<string, Kind> = {
  "busta di trasporto": {
    subject: "POSTA CERTIFICATA: ",
    xTrasporto: "posta-certificata",
    xRicevuta: null,
    xTipoRicevuta: null,
    fromPerContoDi: true,
    attachments: ["daticert.xml", "postacert.eml"],
    daticert: "posta-certificata",
  },
  "busta di anomalia": {
    subject: "ANOMALIA MESSAGGIO: ",
    xTrasporto: "errore",
    xRicevuta: null,
    xTipoRicevuta: null,
    fromPerContoDi: true,
    attachments: ["postacert.eml"],
    daticert: null,
  },
  accettazione: {
    subject: "ACCETTAZIONE: ",
    xTrasporto: null,
    xRicevuta: "accettazione",
    xTipoRicevuta: null,
    fromPerContoDi: false,
    attachments: ["daticert.xml"],
    daticert: "accettazione",
  },
  "non-accettazione": {
    subject: "AVVISO DI NON ACCETTAZIONE: ",
    xTrasporto: null,
    xRicevuta: "non-accettazione",
    xTipoRicevuta: null,
    fromPerContoDi: false,
    attachments: ["daticert.xml"],
    daticert: "non-accettazione",
  },
  "avvenuta-consegna": {
    subject: "CONSEGNA: ",
    xTrasporto: null,
    xRicevuta: "avvenuta-consegna",
    xTipoRicevuta: "completa",
    fromPerContoDi: false,
    attachments: ["daticert.xml", "postacert.eml"],
    daticert: "avvenuta-consegna",
  },
  "errore-consegna": {
    subject: "AVVISO DI MANCATA CONSEGNA: ",
    xTrasporto: null,
    xRicevuta: "errore-consegna",
    xTipoRicevuta: null,
    fromPerContoDi: false,
    attachments: ["daticert.xml"],
    daticert: "errore-consegna",
  },
};

/**
 * The daticert.xml content model (Postacert DTD), in the order a real provider writes it: the provider receipts
 * kept as test data by java-pec-parser (biagioT), an accettazione (intestazione: mittente, destinatari, risposte,
 * oggetto; dati: gestore-emittente, data with giorno and ora, identificativo, msgid) and an errore-consegna
 * (the same, then consegna and errore-esteso "5.1.1 - <gestore> - indirizzo non valido").
 */
function expectedElements(tipo: string): string[] {
  const head = [
    "postacert",
    "intestazione",
    "mittente",
    "destinatari",
    "risposte",
    "oggetto",
    "dati",
    "gestore-emittente",
    "data",
    "giorno",
    "ora",
    "identificativo",
    "msgid",
  ];
  if (tipo === "avvenuta-consegna") return [...head, "ricevuta", "consegna"];
  if (tipo === "errore-consegna") return [...head, "consegna", "errore-esteso"];
  if (tipo === "non-accettazione") return [...head, "errore-esteso"];
  return head;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/** Every element in document order, parsed by a strict (well-formedness checking) XML parser. */
function xmlElements(xml: string): XmlElement[] {
  const parser = new SaxesParser();
  const out: XmlElement[] = [];
  const open: XmlElement[] = [];
  parser.on("opentag", (tag) => {
    const el = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: "" };
    out.push(el);
    open.push(el);
  });
  parser.on("text", (text) => {
    const el = open[open.length - 1];
    if (el) el.text += text;
  });
  parser.on("closetag", () => open.pop());
  parser.write(xml).close();
  return out;
}

const SENDER = "protocollo@pec.inps.gov.it";
const ORDINARY_SENDER = "noreply@inps.it";
const messageIds: Record<string, string> = {};

async function raw(query: string): Promise<string> {
  const found = (await mailpit.searchMessages({ query })).messages;
  expect(found, query).toHaveLength(1);
  return mailpit.getMessageSource(found[0]!.ID);
}

beforeAll(async () => {
  t = await startTestService({
    PEC_UNKNOWN_MAILBOXES: "inesistente@pec.it",
    PEC_DOMAINS: "pec.it,pec.inps.gov.it",
    PEC_PROVIDER: "Gestore PEC del simulatore",
  });
  mailpit = new MailpitClient(t.api);
  messageIds.delivered = (
    await t.send({
      from: `INPS <${SENDER}>`,
      to: "mario.rossi@pec.it",
      subject: "Prima parte del PIN",
      text: "Prima parte del PIN: AB12CD34",
    })
  ).messageId;
  messageIds.unknown = (
    await t.send({ from: SENDER, to: "inesistente@pec.it", subject: "Verso il nulla", text: "x" })
  ).messageId;
  messageIds.ordinary = (
    await t.send({
      from: ORDINARY_SENDER,
      to: "anna.bianchi@pec.it",
      subject: "Posta ordinaria",
      text: "Codice di verifica: 123456",
    })
  ).messageId;
  await t.service.mailbox.ingest(
    Buffer.from("Subject: Senza mittente\r\nMessage-ID: <malformed@pec.inps.gov.it>\r\n\r\ncorpo\r\n"),
    { from: SENDER, to: ["mario.rossi@pec.it"] },
  );
  messageIds.malformed = "<malformed@pec.inps.gov.it>";
}, 60_000);
afterAll(async () => t?.close());

const sources: Record<string, () => Promise<{ raw: string; original: string }>> = {
  "busta di trasporto": async () => ({
    raw: await raw('to:mario.rossi@pec.it subject:"POSTA CERTIFICATA:"'),
    original: messageIds.delivered!,
  }),
  "busta di anomalia": async () => ({
    raw: await raw("to:anna.bianchi@pec.it"),
    original: messageIds.ordinary!,
  }),
  accettazione: async () => ({
    raw: await raw(`to:${SENDER} subject:"ACCETTAZIONE: Prima parte"`),
    original: messageIds.delivered!,
  }),
  "non-accettazione": async () => ({
    raw: await raw(`to:${SENDER} subject:"NON ACCETTAZIONE"`),
    original: messageIds.malformed!,
  }),
  "avvenuta-consegna": async () => ({
    raw: await raw(`to:${SENDER} subject:"CONSEGNA: Prima parte" -subject:ACCETTAZIONE`),
    original: messageIds.delivered!,
  }),
  "errore-consegna": async () => ({
    raw: await raw(`to:${SENDER} subject:"MANCATA CONSEGNA"`),
    original: messageIds.unknown!,
  }),
};

/** RFC 8551 section 3.5: the first part of multipart/signed, byte for byte between its boundary and the next. */
function signedEntity(source: Buffer, boundary: string): { content: Buffer; signature: Buffer } {
  const text = source.toString("latin1");
  const start = text.indexOf(`--${boundary}\r\n`) + boundary.length + 4;
  const end = text.indexOf(`\r\n--${boundary}\r\n`, start);
  const second = text.slice(end + boundary.length + 6, text.indexOf(`\r\n--${boundary}--`, end + 1));
  const b64 = second.slice(second.indexOf("\r\n\r\n") + 4).replace(/\s+/g, "");
  return { content: source.subarray(start, end), signature: Buffer.from(b64, "base64") };
}

async function verify(content: Buffer, signature: Buffer): Promise<{ ok: boolean; signerEmail: string }> {
  const info = ContentInfo.fromBER(signature);
  expect(info.contentType).toBe("1.2.840.113549.1.7.2"); // signedData
  const signed = new SignedData({ schema: info.content });
  const ok = await signed.verify({ signer: 0, data: new Uint8Array(content).buffer, checkChain: false });
  const cert = signed.certificates?.[0] as
    { subject: { typesAndValues: { type: string; value: { valueBlock: { value: string } } }[] } } | undefined;
  const email =
    cert?.subject.typesAndValues.find((tv) => tv.type === "1.2.840.113549.1.9.1")?.value.valueBlock.value ??
    "";
  return { ok, signerEmail: email };
}

describe.each(Object.keys(KINDS))("%s", (name) => {
  const kind = KINDS[name]!;
  let source: string;
  let original: string;
  let parsed: ParsedMail;

  beforeAll(async () => {
    ({ raw: source, original } = await sources[name]!());
    parsed = await simpleParser(source);
  });

  it("carries the headers the rules give it, and none they reserve for the other kinds", () => {
    const header = (h: string) => parsed.headers.get(h.toLowerCase()) as string | undefined;
    expect(parsed.subject?.startsWith(kind.subject), parsed.subject).toBe(true);
    expect(header("X-Trasporto") ?? null).toBe(kind.xTrasporto);
    expect(header("X-Ricevuta") ?? null).toBe(kind.xRicevuta);
    expect(header("X-TipoRicevuta") ?? null).toBe(kind.xTipoRicevuta);
    expect(header("X-Riferimento-Message-ID")).toBe(original);
    expect(parsed.messageId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    // The exact spelling of the rules: some PEC parsers compare header names case-sensitively.
    for (const h of ["X-Trasporto", "X-Ricevuta", "X-TipoRicevuta", "X-Riferimento-Message-ID"]) {
      const present = new RegExp(`^${h}:`, "im").test(source.slice(0, source.indexOf("\r\n\r\n")));
      if (present) expect(source).toMatch(new RegExp(`^${h}:\\s`, "m"));
    }
  });

  it("comes from the provider: 'Per conto di' the sender for an envelope, the plain provider address for a receipt", () => {
    const from = parsed.from!.value[0]!;
    expect(from.address).toMatch(/^posta-certificata@/);
    if (kind.fromPerContoDi) {
      const sender = name === "busta di anomalia" ? ORDINARY_SENDER : SENDER;
      expect(from.name).toBe(`Per conto di: ${sender}`);
      expect(parsed.replyTo?.value[0]?.address).toBe(sender);
    } else {
      expect(from.name).toBe("");
      expect((parsed.to as { value: { address: string }[] }).value.map((a) => a.address)).toEqual([SENDER]);
    }
  });

  it("is S/MIME signed: multipart/signed with smime.p7s, a signature PKI.js verifies, and fails once altered", async () => {
    const contentType = parsed.headers.get("content-type") as {
      value: string;
      params: Record<string, string>;
    };
    expect(contentType.value).toBe("multipart/signed");
    expect(contentType.params.protocol).toBe("application/pkcs7-signature");
    expect(parsed.attachments.map((a) => a.filename)).toContain("smime.p7s");
    const { content, signature } = signedEntity(Buffer.from(source, "utf8"), contentType.params.boundary!);
    const good = await verify(content, signature);
    expect(good.ok).toBe(true);
    expect(good.signerEmail).toMatch(/^posta-certificata@/);
    const altered = Buffer.from(content);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 1;
    // PKI.js answers a digest that does not match by rejecting: either way, not verified.
    expect(
      await verify(altered, signature).then(
        (r) => r.ok,
        () => false,
      ),
    ).toBe(false);
  });

  it("attaches what the rules list for it", () => {
    const names = parsed.attachments.map((a) => a.filename).filter((n) => n !== "smime.p7s");
    expect(names.sort()).toEqual([...kind.attachments].sort());
    const eml = parsed.attachments.find((a) => a.filename === "postacert.eml");
    if (eml) expect(eml.contentType).toBe("message/rfc822");
  });

  it("has a daticert.xml of the Postacert shape a real provider writes", async () => {
    const file = parsed.attachments.find((a) => a.filename === "daticert.xml");
    if (kind.daticert === null) {
      expect(file).toBeUndefined();
      return;
    }
    const elements = xmlElements(file!.content.toString("utf8"));
    expect(elements.map((e) => e.name).filter((n, i, all) => all.indexOf(n) === i)).toEqual(
      expectedElements(kind.daticert),
    );
    const root = elements[0]!;
    expect(root.attributes.tipo).toBe(kind.daticert);
    const errore = root.attributes.errore;
    expect(["nessuno", "no-dest", "no-dominio", "virus", "altro"]).toContain(errore);
    expect(errore === "nessuno").toBe(!["errore-consegna", "non-accettazione"].includes(kind.daticert));
    const el = (n: string) => elements.find((e) => e.name === n)!;
    expect(el("data").attributes.zona).toMatch(/^[+-]\d{4}$/);
    expect(el("giorno").text).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(el("ora").text).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(el("msgid").text).toBe(original);
    expect(el("gestore-emittente").text).toBe("Gestore PEC del simulatore");
    for (const d of elements.filter((e) => e.name === "destinatari"))
      expect(["certificato", "esterno"]).toContain(d.attributes.tipo);
    if (kind.daticert === "avvenuta-consegna") expect(el("ricevuta").attributes.tipo).toBe("completa");
    if (kind.daticert === "errore-consegna")
      expect(el("errore-esteso").text).toBe("5.1.1 - Gestore PEC del simulatore - indirizzo non valido");
  });
});

describe("one message, one identificativo", () => {
  it("the transport envelope's Message-ID is the identificativo that its daticert.xml and both receipts certify", async () => {
    const identificativo = async (query: string) => {
      const p = await simpleParser(await raw(query));
      const xml = p.attachments.find((a) => a.filename === "daticert.xml")!.content.toString("utf8");
      return {
        messageId: p.messageId,
        certified: xmlElements(xml).find((e) => e.name === "identificativo")!.text,
      };
    };
    const busta = await identificativo('to:mario.rossi@pec.it subject:"POSTA CERTIFICATA:"');
    expect(busta.messageId).toBe(`<${busta.certified}>`);
    expect((await identificativo(`to:${SENDER} subject:"ACCETTAZIONE: Prima parte"`)).certified).toBe(
      busta.certified,
    );
    expect(
      (await identificativo(`to:${SENDER} subject:"CONSEGNA: Prima parte" -subject:ACCETTAZIONE`)).certified,
    ).toBe(busta.certified);
  });

  it("an ordinary sender gets no receipt at all", async () => {
    expect((await mailpit.searchMessages({ query: `to:${ORDINARY_SENDER}` })).messages).toEqual([]);
  });
});
