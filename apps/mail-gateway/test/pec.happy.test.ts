// PEC: the gateway answers mail to certified domains with the receipts a PEC provider sends.
import { MailpitClient } from "mailpit-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auth, startTestService, type TestService } from "./support.ts";

let t: TestService;
let mailpit: MailpitClient;

beforeAll(async () => {
  t = await startTestService({ PEC_UNKNOWN_MAILBOXES: "inesistente@pec.it", PEC_DOMAINS: "pec.it,legalmail.it,pec.inps.gov.it" });
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());
beforeEach(async () => t.reset());

const subjects = async (query: string) => (await mailpit.searchMessages({ query })).messages.map((m) => m.Subject);

describe("PEC receipts", () => {
  it("sends ACCETTAZIONE and CONSEGNA to the sender, with X-Ricevuta, X-Trasporto and daticert.xml", async () => {
    const { messageId } = await t.send({
      from: "INPS <protocollo@pec.inps.gov.it>",
      to: "mario.rossi@pec.it",
      subject: "Seconda parte del PIN",
      text: "Seconda parte del PIN: 87654321",
    });
    expect(await subjects("to:mario.rossi@pec.it")).toEqual(["Seconda parte del PIN"]);
    expect(await subjects("to:protocollo@pec.inps.gov.it")).toEqual([
      "CONSEGNA: Seconda parte del PIN",
      "ACCETTAZIONE: Seconda parte del PIN",
    ]);
    const accettazione = await mailpit.getMessageSummary(
      (await mailpit.searchMessages({ query: 'subject:"ACCETTAZIONE:"' })).messages[0]!.ID,
    );
    const headers = await mailpit.getMessageHeaders(accettazione.ID);
    expect(headers["X-Ricevuta"]).toEqual(["accettazione"]);
    expect(headers["X-Trasporto"]).toEqual(["posta-certificata"]);
    expect(headers["X-Riferimento-Message-Id"]).toEqual([messageId]);
    expect(accettazione.From.Address).toBe("posta-certificata@pec.inps.gov.it");
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

    const consegnaId = (await mailpit.searchMessages({ query: 'subject:"CONSEGNA:" -subject:ACCETTAZIONE' })).messages[0]!.ID;
    const consegnaHeaders = await mailpit.getMessageHeaders(consegnaId);
    expect(consegnaHeaders["X-Ricevuta"]).toEqual(["avvenuta-consegna"]);
    const consegna = await mailpit.getMessageSummary(consegnaId);
    expect(consegna.Attachments.map((a) => a.FileName).sort()).toEqual(["daticert.xml", "postacert.eml"]);
  });

  it("answers an unknown PEC mailbox with AVVISO DI MANCATA CONSEGNA and does not deliver", async () => {
    await t.send({ from: "protocollo@pec.inps.gov.it", to: "inesistente@pec.it", subject: "PIN", text: "x" });
    expect(await subjects("to:inesistente@pec.it")).toEqual([]);
    expect(await subjects("to:protocollo@pec.inps.gov.it")).toEqual(["AVVISO DI MANCATA CONSEGNA: PIN", "ACCETTAZIONE: PIN"]);
    const id = (await mailpit.searchMessages({ query: "subject:MANCATA" })).messages[0]!.ID;
    const headers = await mailpit.getMessageHeaders(id);
    expect(headers["X-Ricevuta"]).toEqual(["errore-consegna"]);
    expect(headers["X-Trasporto"]).toEqual(["errore"]);
  });

  it("refuses a malformed message with AVVISO DI NON ACCETTAZIONE", async () => {
    const raw = "Subject: senza mittente\r\nTo: mario.rossi@pec.it\r\n\r\ncorpo\r\n";
    const result = await t.service.mailbox.ingest(Buffer.from(raw), { from: "protocollo@pec.inps.gov.it", to: ["mario.rossi@pec.it"] });
    expect(result.stored).toBeNull();
    expect(result.receipts).toEqual(["non-accettazione"]);
    expect(await subjects("to:protocollo@pec.inps.gov.it")).toEqual(["AVVISO DI NON ACCETTAZIONE: senza mittente"]);
    const headers = await mailpit.getMessageHeaders("latest");
    expect(headers["X-Ricevuta"]).toEqual(["non-accettazione"]);
  });

  it("never answers a receipt with a receipt, and leaves ordinary mail alone", async () => {
    await t.send({ from: "protocollo@pec.inps.gov.it", to: "mario.rossi@pec.it", subject: "A", text: "x" });
    const before = (await mailpit.listMessages()).total;
    expect(before).toBe(3);
    // A receipt sent on to a PEC address (forwarded by its recipient) is stored, and answered by nothing.
    const receipt = await mailpit.getMessageSource((await mailpit.searchMessages({ query: 'subject:"ACCETTAZIONE: A"' })).messages[0]!.ID);
    await t.service.mailbox.ingest(Buffer.from(receipt), { from: "protocollo@pec.inps.gov.it", to: ["archivio@pec.inps.gov.it"] });
    expect((await mailpit.listMessages()).total).toBe(4);
    await t.send({ from: "noreply@inps.it", to: "mario@example.it", subject: "Ordinaria", text: "x" });
    expect((await mailpit.listMessages()).total).toBe(5);
  });

  it("reports receipts as pending on the control plane until delivered", async () => {
    const res = await t.http("/__sim/pec/pending", { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ pending: [] });
  });
});
