// The typed client of @inps-sim/clients against the real gateway: send over SMTP, read through Mailpit's API.
import { createMailClient, MailSendError, type MailClient } from "@inps-sim/clients";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auth, startTestService, type TestService } from "./support.ts";

let t: TestService;
let mail: MailClient;

beforeAll(async () => {
  t = await startTestService();
  mail = createMailClient({ apiUrl: t.api, smtpHost: "127.0.0.1", smtpPort: t.smtpPort });
});
afterAll(async () => {
  mail?.close();
  await t?.close();
});
beforeEach(async () => t.reset());

describe("mail client with the gateway", () => {
  it("sends with a Message-ID and reads the secret back by its label", async () => {
    const sent = await mail.send({
      from: "INPS <noreply@inps.it>",
      to: "mario.rossi@example.it",
      subject: "Il tuo PIN INPS",
      text: "Gentile Mario,\nPrima parte del PIN: 1A2B3C4D\nCordiali saluti",
    });
    expect(sent.response).toMatch(/^250/);
    expect(await mail.waitForSecret("to:mario.rossi@example.it", "Prima parte del PIN")).toBe("1A2B3C4D");
    const headers = await mail.headers();
    expect(headers["Message-Id"]).toEqual([sent.messageId]);
    expect((await mail.search(`message-id:${sent.messageId.slice(1, -1)}`)).messages_count).toBe(1);
    await mail.deleteMatching("to:mario.rossi@example.it");
    expect((await mail.list()).total).toBe(0);
  });

  it("turns an SMTP fault into a MailSendError the sender can retry on", async () => {
    await t.http("/__sim/smtp-faults", {
      method: "PUT",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ stage: "RCPT", code: 451, count: 1 }),
    });
    const error = await mail.send({ to: "a@example.it", subject: "x", text: "y" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).responseCode).toBe(451);
    expect((error as MailSendError).transient).toBe(true);
    await mail.send({ to: "a@example.it", subject: "x", text: "y" });
    expect((await mail.list()).total).toBe(1);
  });
});
