// The store's shortcuts give the answers the plain queries give: deep pages through the page directory, and
// searches with and without the trigram indexes (built past MAIL_SEARCH_INDEX_THRESHOLD, dropped when emptied).
import { rowsOf } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import { MailpitClient } from "mailpit-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawMessage, startTestService, type TestService } from "./support.ts";

const THRESHOLD = 40;
let t: TestService;
let mailpit: MailpitClient;
beforeAll(async () => {
  t = await startTestService({ MAIL_SEARCH_INDEX_THRESHOLD: String(THRESHOLD) });
  mailpit = new MailpitClient(t.api);
});
afterAll(async () => t?.close());

const store = () => t.service.mailbox.store;
const ingest = (i: number, word = "pensione") =>
  t.service.mailbox.ingest(
    rawMessage({
      to: `cittadino${i}@example.it`,
      subject: `Avviso ${i}`,
      body: `La pratica ${word} n. ${i}`,
    }),
    {
      from: "noreply@inps.it",
      to: [`cittadino${i}@example.it`],
    },
  );

/** The truth: the plain OFFSET query over the whole mailbox. */
async function idsAt(start: number, limit: number): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await t.handle.db.execute(
      sql`select id from mail.messages order by created desc, seq desc offset ${start} limit ${limit}`,
    ),
  );
  return rows.map((r) => r.id);
}

const trigramIndexes = async () =>
  Number(
    rowsOf<{ n: number | string }>(
      await t.handle.db.execute(
        sql`select count(*) as n from pg_indexes where schemaname = 'mail' and indexname like '%_trgm'`,
      ),
    )[0]!.n,
  );

describe("deep pages", () => {
  it("are the pages the plain query gives, also after new arrivals and after deletions", async () => {
    await t.reset();
    for (let chunk = 0; chunk < 12; chunk++)
      await Promise.all(Array.from({ length: 100 }, (_, i) => ingest(chunk * 100 + i)));
    const check = async () => {
      for (const start of [500, 501, 999, 1000, 1001, 1150, 1199, 1250]) {
        const page = await store().page("", { start, limit: 50 });
        expect(
          page.map((m) => m.ID),
          `start ${start}`,
        ).toEqual(await idsAt(start, 50));
      }
    };
    await check();
    for (let i = 0; i < 30; i++) await ingest(2000 + i); // newer than the directory's first key
    await check();
    const [some] = await store().page("", { start: 700, limit: 3 });
    await store().deleteIds([some!.ID]);
    await check();
    await store().deleteSearch("to:cittadino11");
    await check();
  });
});

describe("search indexes", () => {
  it("are built when the mailbox reaches the threshold and dropped when it is emptied; searches answer the same", async () => {
    await t.reset();
    await t.service.searchIndexes.ready();
    expect(await trigramIndexes()).toBe(0);
    for (let i = 0; i < THRESHOLD - 1; i++) await ingest(i, i % 3 === 0 ? "naspi" : "pensione");
    const queries = ["naspi", "-naspi", "to:cittadino1", 'subject:"Avviso 2"', "pratica naspi to:example.it"];
    const answer = async () =>
      Promise.all(
        queries.map(async (query) =>
          (await mailpit.searchMessages({ query, limit: 100 })).messages.map((m) => m.ID).sort(),
        ),
      );
    const without = await answer();
    expect(without[0]!.length).toBe(13);
    const reaching = await ingest(THRESHOLD, "assegno"); // the mailbox reaches the threshold; only -naspi matches it
    await t.service.searchIndexes.ready();
    expect(await trigramIndexes()).toBe(4);
    const expected = without.map((ids, i) => (i === 1 ? [...ids, reaching.stored!.ID].sort() : ids));
    expect(await answer()).toEqual(expected);
    await mailpit.deleteMessages();
    await t.service.searchIndexes.ready();
    expect(await trigramIndexes()).toBe(0);
  });
});
