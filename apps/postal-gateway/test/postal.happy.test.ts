import { drawFor, romeDateOf, romeInstant } from "@inps-sim/domain";
import Holidays from "date-holidays";
import { PDFDocument } from "pdf-lib";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { easterSunday, italianHolidays, isWorkingDay, nthWorkingDayAfter } from "../src/letters/calendar.ts";
import { checkAddress, nameKey } from "../src/letters/address.ts";
import { planJourney, workingDaysFor } from "../src/letters/schedule.ts";
import type { Letter, LetterSummary } from "../src/letters/letters.store.ts";
import { body, createTestbed, recipient, type Testbed } from "./support.ts";

let t: Testbed;
beforeAll(async () => {
  t = await createTestbed();
});
afterAll(async () => {
  await t?.close();
});

const send = (payload: Record<string, unknown>, headers?: Record<string, string>) =>
  t.call("POST", "/api/v1/letters", payload, headers);
const letter = async (id: string) => body<Letter>(await t.call("GET", `/api/v1/letters/${id}`));
const list = async (query: string) =>
  (await body<{ letters: LetterSummary[] }>(await t.call("GET", `/api/v1/letters?${query}`))).letters;

describe("a letter's journey", () => {
  it("is accepted, travels and is delivered by the 4th working day, only as the clock moves", async () => {
    const to = recipient();
    const res = await send({
      recipient: to,
      service: "ordinaria",
      subject: "Il tuo PIN",
      body: "Seconda parte del PIN: QW12ER34",
    });
    expect(res.status).toBe(201);
    const accepted = await body<{ id: string; status: string; expectedDeliveryDate: string }>(res);
    // Accepted on Monday 2 March 2026: the 4th working day after is Friday 6 March.
    expect(accepted).toMatchObject({ status: "accepted", expectedDeliveryDate: "2026-03-06" });
    expect(accepted.id).toMatch(/^ltr_[0-9a-f]{20}$/);

    let l = await letter(accepted.id);
    expect(l).toMatchObject({ status: "accepted", body: null, recipient: to, service: "ordinaria" });
    expect(l.events.map((e) => e.type)).toEqual(["accepted"]);

    await t.sim("POST", "/clock", { advanceBy: "PT2H" });
    l = await letter(accepted.id);
    expect(l).toMatchObject({ status: "in_transit", body: null });
    expect(l.events.map((e) => e.type)).toEqual(["accepted", "in_transit"]);

    await t.sim("POST", "/clock", { setTo: "2026-03-06T12:00:00Z" });
    l = await letter(accepted.id);
    expect(l).toMatchObject({ status: "delivered", body: "Seconda parte del PIN: QW12ER34" });
    expect(l.events.map((e) => e.type)).toEqual(["accepted", "in_transit", "out_for_delivery", "delivered"]);
    expect(romeDateOf(new Date(l.deliveredAt ?? "")) <= "2026-03-06").toBe(true);
    expect(l.events.at(-1)?.at).toBe(l.deliveredAt);
  });

  it.each([
    [{ postalCode: "0018" }, "invalid-postal-code"],
    [{ postalCode: "ABCDE" }, "invalid-postal-code"],
    [{ postalCode: "20121" }, "postal-code-not-in-province"],
    [{ province: "XX" }, "unknown-province"],
    [{ street: "via inesistente 7" }, "unknown-address"],
  ])("comes back to the sender when the address cannot exist (%o)", async (over, reason) => {
    const { id } = await body<{ id: string }>(
      await send({ recipient: recipient(over), service: "raccomandata", body: "x" }),
    );
    const now = t.clock.now();
    await t.sim("POST", "/clock", {
      setTo: romeInstant(nthWorkingDayAfter(romeDateOf(now), 11), 0).toISOString(),
    });
    const l = await letter(id);
    expect(l).toMatchObject({
      status: "returned_to_sender",
      returnReason: reason,
      deliveredAt: null,
      body: null,
    });
    expect(l.events.at(-1)?.type).toBe("returned_to_sender");
  });
});

describe("a letter's content before delivery", () => {
  it("is read by nobody while the letter travels: no body, no PDF, no preview; the control plane still sees it", async () => {
    const to = recipient();
    const text = "Seconda parte del PIN: NOTYET12";
    const { id } = await body<{ id: string }>(
      await send({ recipient: to, service: "ordinaria", subject: "Il tuo PIN", body: text }),
    );
    await t.sim("POST", "/clock", { advanceBy: "PT3H" });
    const travelling = await t.call("GET", `/api/v1/letters/${id}`);
    expect(await travelling.text()).not.toContain("NOTYET12");
    const pdf = await t.call("GET", `/api/v1/letters/${id}.pdf`);
    expect(pdf.status).toBe(409);
    expect(await body(pdf)).toMatchObject({ code: "letter-not-delivered", status: 409 });
    const page = await (await t.call("GET", `/mailbox?name=${encodeURIComponent(to.name)}`)).text();
    expect(page).not.toContain("NOTYET12");
    expect(page).not.toContain(`${id}.pdf`);
    expect(await body(await t.sim("GET", `/letters/${id}`))).toMatchObject({
      id,
      status: "in_transit",
      body: text,
    });
  });
});

describe("listing", () => {
  it("filters by name (same words, any case and order), postal code and status, newest first", async () => {
    const to = recipient({ postalCode: "00187" });
    const [first, last] = to.name.split(" ");
    await send({ recipient: to, service: "ordinaria", subject: "one", body: "1" });
    await t.sim("POST", "/clock", { advanceBy: "PT1M" });
    await send({ recipient: to, service: "raccomandata", subject: "two", body: "2" });
    const byName = await list(
      `name=${encodeURIComponent(`${last?.toUpperCase()}  ${first?.toLowerCase()}`)}`,
    );
    expect(byName.map((l) => l.subject)).toEqual(["two", "one"]);
    expect(byName[0]).not.toHaveProperty("body");
    expect(await list(`name=${encodeURIComponent(first ?? "")}`)).toHaveLength(0);
    expect((await list(`name=${encodeURIComponent(to.name)}&postalCode=00187`)).length).toBe(2);
    expect(await list(`name=${encodeURIComponent(to.name)}&postalCode=00100`)).toHaveLength(0);
    expect(await list(`name=${encodeURIComponent(to.name)}&status=accepted`)).toHaveLength(2);
    expect(await list(`name=${encodeURIComponent(to.name)}&status=delivered`)).toHaveLength(0);
    expect(await list(`name=${encodeURIComponent(to.name)}&limit=1`)).toHaveLength(1);
    await t.sim("POST", "/clock", { advanceBy: "PT3H" });
    expect(await list(`name=${encodeURIComponent(to.name)}&status=in_transit`)).toHaveLength(2);
  });

  it("clears one recipient's letters", async () => {
    const a = recipient();
    const b = recipient();
    await send({ recipient: a, service: "ordinaria", body: "a" });
    await send({ recipient: b, service: "ordinaria", body: "b" });
    expect((await t.call("DELETE", `/api/v1/letters?name=${encodeURIComponent(a.name)}`)).status).toBe(204);
    expect(await list(`name=${encodeURIComponent(a.name)}`)).toHaveLength(0);
    expect(await list(`name=${encodeURIComponent(b.name)}`)).toHaveLength(1);
  });
});

describe("Idempotency-Key and repeatable ids", () => {
  it("answers a retry with the first answer and creates nothing new", async () => {
    const to = recipient();
    const payload = { recipient: to, service: "ordinaria", body: "Seconda parte del PIN: AAAA1111" };
    const first = await body(await send(payload, { "idempotency-key": "letter-1" }));
    const retry = await send(payload, { "idempotency-key": "letter-1" });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await body(retry)).toEqual(first);
    expect(await list(`name=${encodeURIComponent(to.name)}`)).toHaveLength(1);
    const other = await send({ ...payload, body: "different" }, { "idempotency-key": "letter-1" });
    expect(other.status).toBe(422);
  });

  it("gives the same recipient the same ids after a reset, whatever was sent to others", async () => {
    const to = recipient({ name: "Repeatable Person" });
    const before = await body<{ id: string }>(
      await send({ recipient: to, service: "raccomandata", body: "x" }),
    );
    await t.sim("POST", "/reset");
    await send({ recipient: recipient(), service: "raccomandata", body: "someone else first" });
    const after = await body<{ id: string }>(
      await send({ recipient: { ...to, name: "PERSON repeatable" }, service: "raccomandata", body: "y" }),
    );
    expect(after.id).toBe(before.id);
  });
});

describe("working days and Poste Italiane's targets", () => {
  it("computes Easter", () => {
    expect(["2024", "2025", "2026", "2027", "2038", "2285"].map((y) => easterSunday(Number(y)))).toEqual([
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2038-04-25",
      "2285-03-22",
    ]);
  });

  it("agrees with date-holidays on Italy's national public holidays, 2000 to 2060", () => {
    const hd = new Holidays("IT");
    for (let year = 2000; year <= 2060; year++) {
      const theirs = [
        ...new Set(
          hd
            .getHolidays(year)
            .filter((h) => h.type === "public")
            .map((h) => h.date.slice(0, 10)),
        ),
      ].sort();
      const ours = [...italianHolidays(year).keys()].sort();
      expect(ours, String(year)).toEqual(theirs);
    }
  });

  it("skips weekends, Easter Monday, Christmas and 4 October", () => {
    expect(isWorkingDay("2026-04-06")).toBe(false);
    expect(nthWorkingDayAfter("2026-04-02", 4)).toBe("2026-04-09");
    expect(nthWorkingDayAfter("2026-12-23", 4)).toBe("2026-12-30");
    expect(nthWorkingDayAfter("2026-10-01", 1)).toBe("2026-10-02");
    expect(nthWorkingDayAfter("2026-10-02", 1)).toBe("2026-10-05");
    expect(nthWorkingDayAfter("2027-10-01", 1)).toBe("2027-10-05");
    expect(nthWorkingDayAfter("2026-03-07", 1)).toBe("2026-03-09");
  });

  it("works in Rome's time, summer time included", () => {
    expect(romeDateOf(new Date("2026-03-02T23:30:00Z"))).toBe("2026-03-03");
    expect(romeInstant("2026-01-15", 10, 30).toISOString()).toBe("2026-01-15T09:30:00.000Z");
    expect(romeInstant("2026-07-15", 10, 30).toISOString()).toBe("2026-07-15T08:30:00.000Z");
    expect(romeInstant("2026-03-29", 10, 30).toISOString()).toBe("2026-03-29T08:30:00.000Z");
  });

  it("delivers ordinaria by the 4th working day, raccomandata 90% within 4, 98% within 6, all within 10", () => {
    const counts = { ordinaria: [] as number[], raccomandata: [] as number[] };
    for (let i = 0; i < 20_000; i++) {
      counts.ordinaria.push(workingDaysFor("ordinaria", drawFor("seed", `o${i}`)));
      counts.raccomandata.push(workingDaysFor("raccomandata", drawFor("seed", `r${i}`)));
    }
    expect(Math.max(...counts.ordinaria)).toBeLessThanOrEqual(4);
    const share = (n: number) =>
      counts.raccomandata.filter((d) => d <= n).length / counts.raccomandata.length;
    expect(share(4)).toBeGreaterThan(0.88);
    expect(share(4)).toBeLessThan(0.92);
    expect(share(6)).toBeGreaterThan(0.97);
    expect(share(6)).toBeLessThan(0.99);
    expect(share(10)).toBe(1);
    expect(Math.min(...counts.raccomandata)).toBeGreaterThanOrEqual(1);
    expect(workingDaysFor("raccomandata", 0.999999)).toBe(10);
  });

  it("draws from the seed and the id only", () => {
    const at = new Date("2026-03-02T09:00:00Z");
    const a = planJourney({ seed: "s", id: "ltr_1", service: "raccomandata", acceptedAt: at });
    planJourney({ seed: "s", id: "ltr_2", service: "raccomandata", acceptedAt: at });
    expect(planJourney({ seed: "s", id: "ltr_1", service: "raccomandata", acceptedAt: at })).toEqual(a);
  });

  it("checks postal codes against the province", () => {
    const ok = { name: "x", street: "Via Po 1", city: "x" };
    expect(checkAddress({ ...ok, postalCode: "00184", province: "RM" }, [])).toBeNull();
    expect(checkAddress({ ...ok, postalCode: "20900", province: "mb" }, [])).toBeNull();
    expect(checkAddress({ ...ok, postalCode: "09170", province: "OR" }, [])).toBeNull();
    expect(checkAddress({ ...ok, postalCode: "20121", province: "MB" }, [])).toBe(
      "postal-code-not-in-province",
    );
    expect(
      checkAddress({ ...ok, postalCode: "00184", province: "RM" }, [
        { street: "via po", postalCode: "00184" },
      ]),
    ).toBe("unknown-address");
    expect(
      checkAddress({ ...ok, postalCode: "00185", province: "RM" }, [
        { street: "via po", postalCode: "00184" },
      ]),
    ).toBeNull();
    expect(nameKey("  Rossi   MARIO ")).toBe("mario rossi");
  });
});

describe("PDF and mailbox page", () => {
  /** Every letter posted so far reaches its letterbox (or comes back): 10 working days always fit in 20 days. */
  const deliverAll = () => t.sim("POST", "/clock", { advanceBy: "P20D" });

  it("renders a letter as a PDF that looks like INPS wrote it", async () => {
    const { id } = await body<{ id: string }>(
      await send({
        recipient: recipient(),
        service: "ordinaria",
        subject: "Richiesta PIN",
        body: "Gentile utente,\nSeconda parte del PIN: QW12ER34\nCordiali saluti.",
      }),
    );
    await deliverAll();
    const res = await t.call("GET", `/api/v1/letters/${id}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe("Richiesta PIN");
  });

  it("runs onto more pages and survives characters the font lacks", async () => {
    const text = Array.from(
      { length: 120 },
      (_, i) => `Riga ${i}: Привет 😀 àèìòù € ${"lunghissima".repeat(i % 3 ? 1 : 12)}`,
    ).join("\n");
    const { id } = await body<{ id: string }>(
      await send({ recipient: recipient({ name: "Ζωή Ελληνική" }), service: "raccomandata", body: text }),
    );
    await deliverAll();
    const res = await t.call("GET", `/api/v1/letters/${id}.pdf`);
    expect(res.status).toBe(200);
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    expect(doc.getPageCount()).toBeGreaterThan(2);
  });

  it("prints each line of the body on its own line, and a blank line between paragraphs", async () => {
    const text =
      "Gentile Signora Rossi,\n\nLe inviamo la seconda parte del PIN.\nSeconda parte del PIN: QW12ER34\n\nCordiali saluti.\nINPS";
    const { id } = await body<{ id: string }>(
      await send({ recipient: recipient(), service: "ordinaria", subject: "Il tuo PIN", body: text }),
    );
    await deliverAll();
    const pdf = Buffer.from(await (await t.call("GET", `/api/v1/letters/${id}.pdf`)).arrayBuffer());
    const printed = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString();
    expect(printed).not.toContain("?");
    const lines = printed.split("\n").map((l) => l.trim());
    const from = lines.indexOf("Gentile Signora Rossi,");
    expect(lines.slice(from, from + 7)).toEqual([
      "Gentile Signora Rossi,",
      "",
      "Le inviamo la seconda parte del PIN.",
      "Seconda parte del PIN: QW12ER34",
      "",
      "Cordiali saluti.",
      "INPS",
    ]);
  });

  it("lists letters per recipient with a preview, in Italian and in Rome's time", async () => {
    const to = recipient();
    await send({
      recipient: to,
      service: "ordinaria",
      subject: "Oggetto <b>",
      body: "Seconda parte del PIN: ZZ99YY88",
    });
    await deliverAll();
    const res = await t.call("GET", `/mailbox?name=${encodeURIComponent(to.name)}`);
    expect(res.status).toBe(200);
    // White space as a browser sees it: any run of it is one space.
    const html = (await res.text()).replace(/\s+/g, " ");
    expect(html).toContain(to.name);
    expect(html).toContain("Seconda parte del PIN: ZZ99YY88");
    expect(html).toContain("Oggetto &lt;b&gt;");
    expect(html).toContain(".pdf");
    expect(html).toContain(">consegnata</span> · posta ordinaria");
    expect(html).toContain("1 lettera");
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const text = html.replace(/<style>[^]*?<\/style>/, "").replace(/(href|class|id)="[^"]*"/g, "");
    expect(text).not.toMatch(/\b(delivered|in_transit|accepted|letters?|simulated)\b/i);
    // Delivered on a working day at 10:30 in Rome: the tracking says so in Rome's time, not in UTC.
    expect(html).toMatch(/Consegnato \d{2}\/\d{2}\/\d{4} 10:30/);
    expect((await t.call("GET", "/")).status).toBe(200);
  });

  it("publishes its API as OpenAPI and an offline reference page", async () => {
    const doc = await body<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      await t.call("GET", "/openapi.json"),
    );
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/api/v1/letters"] ?? {}).sort()).toEqual(["delete", "get", "post"]);
    expect(doc.paths["/api/v1/letters/{id}"]).toHaveProperty("get");
    expect(doc.paths["/api/v1/letters/{id}.pdf"]).toHaveProperty("get");
    const page = await t.call("GET", "/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
