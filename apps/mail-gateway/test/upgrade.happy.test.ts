// A mailbox written by an earlier version still reads right: messages it stored raw, to parse later, are parsed
// at the next start.
import { createLogger } from "@inps-sim/service-kit";
import { sql } from "drizzle-orm";
import { MailpitClient } from "mailpit-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMailConfig } from "../src/config.ts";
import { startMailService } from "../src/start.ts";
import { openTestDatabase, rawMessage } from "./support.ts";

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
let handle: Handle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => handle?.close());

const start = () =>
  startMailService({
    handle,
    config: readMailConfig({ MAIL_HTTP_PORT: "0", SMTP_PORT: "0", SIM_ADMIN_TOKEN: "upgrade-token-123" }),
    logger: createLogger({ service: "mail-gateway", level: "silent" }),
  });

describe("messages an earlier version left unparsed", () => {
  it("are parsed at start-up: searchable, with their subject, addresses and tags", async () => {
    await (await start()).close();
    // What the earlier version wrote on arrival: the raw source, placeholder fields, `pending`.
    const raw = rawMessage({
      to: "Maria Rossi <maria+pin@example.it>",
      subject: "Prima parte del PIN",
      body: "Prima parte del PIN: AB12CD34",
    });
    await handle.db.execute(sql`
      insert into mail.messages (id, created, message_id, subject, "from", "to", cc, bcc, reply_to, size, attachments, inline,
        snippet, search_text, from_text, to_text, cc_text, bcc_text, reply_to_text, pending)
      values ('legacyMessage0000000001', now(), '', '', '{"Name":"","Address":""}', '[]', '[]', '[]', '[]', ${raw.length}, 0, 0,
        '', '', '', '', '', '', '', true)`);
    await handle.db.execute(sql`
      insert into mail.message_data (id, raw, return_path, text, html, parts, envelope)
      values ('legacyMessage0000000001', ${raw}, '', '', '', '{"attachments":[],"inline":[]}', '{"from":"noreply@inps.it","to":["maria+pin@example.it"]}')`);

    const service = await start();
    try {
      const mailpit = new MailpitClient(service.urls.http!);
      const found = await mailpit.searchMessages({ query: "to:maria" });
      expect(found.messages.map((m) => m.ID)).toEqual(["legacyMessage0000000001"]);
      expect(found.messages[0]).toMatchObject({
        Subject: "Prima parte del PIN",
        To: [{ Name: "Maria Rossi", Address: "maria+pin@example.it" }],
        Tags: ["pin"],
      });
      expect((await mailpit.getMessageSummary("legacyMessage0000000001")).Text).toContain(
        "Prima parte del PIN: AB12CD34",
      );
    } finally {
      await service.close();
    }
  });
});
