// The simulated clock holds instants from 1970-01-01 to 2200-12-31 (the probe pushed it to 9999, and every service
// answered 500 for good after a restart): a move outside is `400 clock-out-of-range`; a bad stored clock is clamped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, simClockTable, type DatabaseHandle } from "@inps-sim/db";
import { pgSchema } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import {
  createLogger,
  createServiceApp,
  createSimControl,
  loadPersistentClock,
  type StackClock,
} from "../src/index.ts";

const table = simClockTable(pgSchema("range"));
const TOKEN = "test-admin-token";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
const wall = Date.parse("2026-03-01T10:00:00Z");
const wallTime = () => wall;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase();
  await handle.db.execute(sql`create schema range`);
  await handle.db.execute(
    sql`create table range.sim_clock (id text primary key, offset_ms bigint not null, updated_at timestamptz not null)`,
  );
});
afterAll(() => handle.close());

function control(clock: StackClock) {
  const app = createServiceApp({ logger: createLogger({ service: "kit-test", level: "silent" }) });
  app.route("/__sim", createSimControl({ token: TOKEN, clock, reset: async () => {} }));
  return (body: unknown) =>
    app.request("/__sim/clock", { method: "POST", headers: auth, body: JSON.stringify(body) });
}

describe("the simulated clock's range", () => {
  it.each([
    ["setTo year 9999", { setTo: "9999-12-31T23:59:59Z" }],
    ["setTo the first instant of 2201", { setTo: "2201-01-01T00:00:00Z" }],
    ["advanceBy 500 years", { advanceBy: "P500Y" }],
    ["advanceBy a duration no date can hold", { advanceBy: "P999999999999D" }],
    ["syncTo year 9999", { syncTo: "9999-01-01T00:00:00Z" }],
  ])("%s → 400 clock-out-of-range, and the clock stays where it was", async (_name, move) => {
    await handle.db.execute(sql`delete from range.sim_clock`);
    const clock = await loadPersistentClock({
      db: handle.db,
      table,
      start: new Date("2026-03-01T10:00:00Z"),
      wallTime,
    });
    const res = await control(clock)(move);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "clock-out-of-range", max: "2200-12-31T23:59:59.999Z" });
    expect(clock.now().toISOString()).toBe("2026-03-01T10:00:00.000Z");
    const reloaded = await loadPersistentClock({ db: handle.db, table, wallTime });
    expect(reloaded.now().toISOString()).toBe("2026-03-01T10:00:00.000Z");
  });

  it("takes the range's last instant", async () => {
    await handle.db.execute(sql`delete from range.sim_clock`);
    const clock = await loadPersistentClock({
      db: handle.db,
      table,
      start: new Date("2026-03-01T10:00:00Z"),
      wallTime,
    });
    const res = await control(clock)({ setTo: "2200-12-31T23:59:59.999Z" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ now: "2200-12-31T23:59:59.999Z" });
  });

  it("clamps a stored clock past the range at start, says so, and keeps working", async () => {
    const reports: string[] = [];
    await handle.db.execute(sql`delete from range.sim_clock`);
    await handle.db.execute(
      sql`insert into range.sim_clock values ('clock', ${Date.parse("9999-12-31T23:59:59Z") - wall}, now())`,
    );
    const clock = await loadPersistentClock({
      db: handle.db,
      table,
      wallTime,
      onClamped: (stored, to) => reports.push(`${stored} → ${to.toISOString()}`),
    });
    expect(clock.now().toISOString()).toBe("2200-12-31T00:00:00.000Z");
    expect(reports).toEqual(["9999-12-31T23:59:59.000Z → 2200-12-31T00:00:00.000Z"]);
    // The clamp is stored, and a move forward within the range is taken.
    expect((await loadPersistentClock({ db: handle.db, table, wallTime })).now().toISOString()).toBe(
      "2200-12-31T00:00:00.000Z",
    );
    expect((await control(clock)({ advanceBy: "PT1M" })).status).toBe(200);
  });

  it("clamps a stored clock before 1970 to its first instant", async () => {
    await handle.db.execute(sql`delete from range.sim_clock`);
    await handle.db.execute(sql`insert into range.sim_clock values ('clock', ${-wall - 86_400_000}, now())`);
    const clock = await loadPersistentClock({ db: handle.db, table, wallTime });
    expect(clock.now().toISOString()).toBe("1970-01-01T00:00:00.000Z");
  });
});
