// The probe set the clock to 9999: the dispatcher then failed on every poll, and after a restart logins answered
// 500 for good. Now such a move is `400 clock-out-of-range`, and a clock stored out of range is clamped at start.
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { createLogger, prepareService } from "@inps-sim/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simClock } from "../src/db/schema.ts";
import { identityMigrations } from "../src/start.ts";
import { activeCitizen, createTestbed, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("the identity service's clock range", () => {
  it("refuses setTo 9999 with 400 clock-out-of-range, and logins keep working", async () => {
    const { persona, pin } = await activeCitizen(tb);
    const res = await tb.sim("POST", "/clock", { setTo: "9999-12-31T23:59:59Z" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "clock-out-of-range" });
    await tb.drain();
    expect((await login(tb, persona.fiscalCode, pin)).res.status).toBe(201);
  });

  it("starts on a clock row stored past the range: clamped to 2200-12-31, with a warning that says so", async () => {
    await tb.handle.db.execute(
      sql`update identity.sim_clock set offset_ms = ${Date.parse("9999-12-31T23:59:59Z") - Date.now()}`,
    );
    const lines: string[] = [];
    const logger = createLogger({
      service: "identity",
      destination: new Writable({
        write(chunk: Buffer, _e, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const clock = await prepareService({
      handle: tb.handle,
      migrations: identityMigrations,
      clockTable: simClock,
      logger,
    });
    expect(clock.now().toISOString().slice(0, 10)).toBe("2200-12-31");
    const warning = JSON.parse(lines.join("")) as Record<string, unknown>;
    expect(warning).toMatchObject({
      level: 40,
      reason: "clock-out-of-range",
      clampedTo: "2200-12-31T00:00:00.000Z",
    });
  });
});
