// PEC: the gateway answers mail to certified domains with the receipts a PEC provider sends.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MailpitClient } from "mailpit-api";
import { type Certificate, ContentInfo, SignedData } from "pkijs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simulatedProviderCertificate } from "../src/pec/smime.ts";
import { auth, startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;

beforeAll(async () => {
  t = await startTestService({
    PEC_UNKNOWN_MAILBOXES: "inesistente@pec.it",
    PEC_DOMAINS: "pec.it,legalmail.it,pec.inps.gov.it",
  });
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const subjects = async (query: string) =>
  (await mailpit.searchMessages({ query })).messages.map((m) => m.Subject);

describe("PEC receipts", () => {
  it("delivers a transport envelope to the recipient and sends ACCETTAZIONE and CONSEGNA to the sender", async () => {
    const { messageId } = await t.send({
      from: "INPS <protocollo@pec.inps.gov.it>",
      to: "mario.rossi@pec.it",
      subject: "Seconda parte del PIN",
      text: "Seconda parte del PIN: 87654321",
    });
    expect(await subjects("to:mario.rossi@pec.it")).toEqual(["POSTA CERTIFICATA: Seconda parte del PIN"]);
    expect(await subjects("to:protocollo@pec.inps.gov.it")).toEqual([
      "CONSEGNA: Seconda parte del PIN",
      "ACCETTAZIONE: Seconda parte del PIN",
    ]);
    const busta = await mailpit.getMessageSummary(
      (await mailpit.searchMessages({ query: "to:mario.rossi@pec.it" })).messages[0]!.ID,
    );
    expect(busta.From).toEqual({
      Name: "Per conto di: protocollo@pec.inps.gov.it",
      Address: "posta-certificata@pec.inps.gov.it",
    });
    expect((await mailpit.getMessageHeaders(busta.ID))["X-Trasporto"]).toEqual(["posta-certificata"]);
    // The original travels whole inside the envelope, where a PEC client reads it.
    const eml = busta.Attachments.find((a) => a.FileName === "postacert.eml")!;
    const original = await (await mailpit.getMessageAttachment(busta.ID, eml.PartID)).text();
    expect(original).toContain("Seconda parte del PIN: 87654321");
    expect(busta.Text).not.toContain("87654321");

    const accettazione = await mailpit.getMessageSummary(
      (await mailpit.searchMessages({ query: 'subject:"ACCETTAZIONE:"' })).messages[0]!.ID,
    );
    const headers = await mailpit.getMessageHeaders(accettazione.ID);
    expect(headers["X-Ricevuta"]).toEqual(["accettazione"]);
    expect(headers["X-Trasporto"]).toBeUndefined();
    expect(headers["X-Riferimento-Message-Id"]).toEqual([messageId]);
    expect(accettazione.From).toEqual({ Name: "", Address: "posta-certificata@pec.inps.gov.it" });
    expect(accettazione.Text).toContain("è stato accettato dal sistema");
    const daticert = accettazione.Attachments.find((a) => a.FileName === "daticert.xml")!;
    const xml = await (await mailpit.getMessageAttachment(accettazione.ID, daticert.PartID)).text();
    expect(xml).toContain('<postacert tipo="accettazione" errore="nessuno">');
    expect(xml).toContain("<mittente>protocollo@pec.inps.gov.it</mittente>");
    expect(xml).toContain('<destinatari tipo="certificato">mario.rossi@pec.it</destinatari>');
    expect(xml).toContain("<oggetto>Seconda parte del PIN</oggetto>");
    expect(xml).toContain(`<msgid>${messageId.replace("<", "&lt;").replace(">", "&gt;")}</msgid>`);
    // 2026-03-02T09:00Z is 10:00 in Rome (CET, +0100).
    expect(xml).toMatch(/<data zona="\+0100">\s*<giorno>02\/03\/2026<\/giorno>\s*<ora>10:0\d:\d\d<\/ora>/);

    const consegnaId = (await mailpit.searchMessages({ query: 'subject:"CONSEGNA:" -subject:ACCETTAZIONE' }))
      .messages[0]!.ID;
    const consegnaHeaders = await mailpit.getMessageHeaders(consegnaId);
    expect(consegnaHeaders["X-Ricevuta"]).toEqual(["avvenuta-consegna"]);
    expect(consegnaHeaders["X-Trasporto"]).toBeUndefined();
    const consegna = await mailpit.getMessageSummary(consegnaId);
    expect(consegna.Attachments.map((a) => a.FileName).sort()).toEqual([
      "daticert.xml",
      "postacert.eml",
      "smime.p7s",
    ]);
  });

  it("gives an ordinary-mail sender no receipts, and the PEC mailbox an ANOMALIA MESSAGGIO envelope", async () => {
    await t.send({
      from: "noreply@inps.it",
      to: ["anna.bianchi@pec.it", "anna@example.it"],
      subject: "Codice",
      text: "Codice di verifica: 123456",
    });
    expect(await subjects("to:noreply@inps.it")).toEqual([]);
    const anomalia = (await mailpit.searchMessages({ query: 'subject:"ANOMALIA MESSAGGIO: Codice"' }))
      .messages;
    expect(anomalia).toHaveLength(1);
    expect((await mailpit.getMessageHeaders(anomalia[0]!.ID))["X-Trasporto"]).toEqual(["errore"]);
    // The ordinary mailbox gets the message as sent.
    expect(
      (await mailpit.searchMessages({ query: "subject:Codice -subject:ANOMALIA" })).messages.map((m) =>
        m.To.map((a) => a.Address),
      ),
    ).toHaveLength(1);
  });

  it("answers an unknown PEC mailbox with AVVISO DI MANCATA CONSEGNA and does not deliver", async () => {
    await t.send({ from: "protocollo@pec.inps.gov.it", to: "inesistente@pec.it", subject: "PIN", text: "x" });
    expect(await subjects("to:inesistente@pec.it")).toEqual([]);
    expect(await subjects("to:protocollo@pec.inps.gov.it")).toEqual([
      "AVVISO DI MANCATA CONSEGNA: PIN",
      "ACCETTAZIONE: PIN",
    ]);
    const id = (await mailpit.searchMessages({ query: "subject:MANCATA" })).messages[0]!.ID;
    const headers = await mailpit.getMessageHeaders(id);
    expect(headers["X-Ricevuta"]).toEqual(["errore-consegna"]);
    expect(headers["X-Trasporto"]).toBeUndefined();
    expect((await mailpit.getMessageSummary(id)).Text).toContain(
      "5.1.1 - Gestore PEC del simulatore - indirizzo non valido",
    );
  });

  it("refuses a malformed message with AVVISO DI NON ACCETTAZIONE", async () => {
    const raw = "Subject: senza mittente\r\nTo: mario.rossi@pec.it\r\n\r\ncorpo\r\n";
    const result = await t.service.mailbox.ingest(Buffer.from(raw), {
      from: "protocollo@pec.inps.gov.it",
      to: ["mario.rossi@pec.it"],
    });
    expect(result.stored).toBeNull();
    expect(result.receipts).toEqual(["non-accettazione"]);
    expect(await subjects("to:protocollo@pec.inps.gov.it")).toEqual([
      "AVVISO DI NON ACCETTAZIONE: senza mittente",
    ]);
    const headers = await mailpit.getMessageHeaders("latest");
    expect(headers["X-Ricevuta"]).toEqual(["non-accettazione"]);
  });

  it("never answers a receipt with a receipt, and leaves ordinary mail alone", async () => {
    await t.send({ from: "protocollo@pec.inps.gov.it", to: "mario.rossi@pec.it", subject: "A", text: "x" });
    const before = (await mailpit.listMessages()).total;
    expect(before).toBe(3);
    // A receipt sent on to a PEC address (forwarded by its recipient) is stored, and answered by nothing.
    const receipt = await mailpit.getMessageSource(
      (await mailpit.searchMessages({ query: 'subject:"ACCETTAZIONE: A"' })).messages[0]!.ID,
    );
    await t.service.mailbox.ingest(Buffer.from(receipt), {
      from: "protocollo@pec.inps.gov.it",
      to: ["archivio@pec.inps.gov.it"],
    });
    expect((await mailpit.listMessages()).total).toBe(4);
    await t.send({ from: "noreply@inps.it", to: "mario@example.it", subject: "Ordinaria", text: "x" });
    expect((await mailpit.listMessages()).total).toBe(5);
  });

  it("signs nothing with PEC_SIGNATURE=off", async () => {
    const unsigned = await startTestService({ PEC_SIGNATURE: "off", PEC_DOMAINS: "pec.it,pec.inps.gov.it" });
    try {
      const client = new MailpitClient(unsigned.api);
      await unsigned.send({
        from: "protocollo@pec.inps.gov.it",
        to: "mario.rossi@pec.it",
        subject: "Senza firma",
        text: "x",
      });
      const all = (await client.listMessages()).messages;
      expect(all).toHaveLength(3);
      for (const m of all) {
        expect((await client.getMessageSummary(m.ID)).Attachments.map((a) => a.FileName)).not.toContain(
          "smime.p7s",
        );
        expect((await client.getMessageHeaders(m.ID))["Content-Type"]![0]).toMatch(/^multipart\/mixed/);
      }
    } finally {
      await unsigned.close();
    }
  });

  it("signs with the certificate PEC_SIGNING_CERT and PEC_SIGNING_KEY give", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pec-cert-"));
    const material = simulatedProviderCertificate("Gestore di prova", "pec.it");
    writeFileSync(join(dir, "cert.pem"), material.certificatePem);
    writeFileSync(join(dir, "key.pem"), material.privateKeyPem);
    const configured = await startTestService({
      PEC_SIGNING_CERT: join(dir, "cert.pem"),
      PEC_SIGNING_KEY: join(dir, "key.pem"),
    });
    try {
      const client = new MailpitClient(configured.api);
      await configured.send({
        from: "protocollo@pec.inps.gov.it",
        to: "mario.rossi@pec.it",
        subject: "Firmata",
        text: "x",
      });
      const busta = await client.getMessageSummary(
        (await client.searchMessages({ query: "to:mario.rossi@pec.it" })).messages[0]!.ID,
      );
      const p7s = busta.Attachments.find((a) => a.FileName === "smime.p7s")!;
      const der = Buffer.from(await (await client.getMessageAttachment(busta.ID, p7s.PartID)).arrayBuffer());
      const signed = new SignedData({ schema: ContentInfo.fromBER(der).content });
      const expected = Buffer.from(material.certificatePem.replace(/-----[^-]+-----|\s/g, ""), "base64");
      expect(Buffer.from((signed.certificates![0] as Certificate).toSchema().toBER())).toEqual(expected);
    } finally {
      await configured.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports receipts as pending on the control plane until delivered", async () => {
    const res = await t.http("/__sim/pec/pending", { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ pending: [] });
  });
});
