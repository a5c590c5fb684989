// The mail gateway's OpenAPI document: Mailpit's paths and casing, an offline reference page, and answers that are
// exactly the shapes the document declares (no field more, none missing), so a client typed from it reads them right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appInformationSchema } from "../src/info/info.routes.ts";
import { messageSchema, messagesSummarySchema } from "../src/messages/messages.routes.ts";
import { startTestService, type TestService } from "./support.ts";

let t: TestService;

beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => t?.close());

describe("the mail gateway's OpenAPI document", () => {
  it("describes Mailpit's API with Mailpit's paths, and serves an offline reference page", async () => {
    const res = await t.http("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/api/v1/messages"] ?? {}).sort()).toEqual(["delete", "get", "put"]);
    for (const path of [
      "/api/v1/message/{ID}",
      "/api/v1/message/{ID}/headers",
      "/api/v1/message/{ID}/raw",
      "/api/v1/message/{ID}/part/{PartID}",
      "/api/v1/search",
      "/api/v1/tags",
      "/api/v1/tags/{Tag}",
      "/api/v1/info",
      "/api/v1/webui",
      "/api/v1/chaos",
      "/api/v1/send",
      "/view/{ID}.txt",
      "/view/{ID}.html",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Message", "MessageSummary", "MessagesSummary", "Address", "Attachment"]),
    );
    const page = await t.http("/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await t.http("/docs/assets/swagger-ui-bundle.js")).status).toBe(200);
  });

  it("answers with exactly the shapes it declares", async () => {
    await t.send({
      from: "INPS <noreply@inps.it>",
      to: "mario.rossi@example.it",
      subject: "Prima parte del PIN",
      text: "Prima parte del PIN: AB12CD34",
      html: "<p>Prima parte del PIN: <b>AB12CD34</b></p>",
      attachments: [{ filename: "avviso.txt", content: "allegato" }],
    });
    const list = messagesSummarySchema.strict().parse(await (await t.http("/api/v1/messages")).json());
    expect(list.messages).toHaveLength(1);
    const search = messagesSummarySchema
      .strict()
      .parse(await (await t.http("/api/v1/search?query=to:mario.rossi@example.it")).json());
    const id = search.messages[0]!.ID;
    const message = messageSchema.strict().parse(await (await t.http(`/api/v1/message/${id}`)).json());
    expect(message.Attachments.map((a) => a.FileName)).toEqual(["avviso.txt"]);
    appInformationSchema.strict().parse(await (await t.http("/api/v1/info")).json());
  });
});
