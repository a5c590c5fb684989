// Logs never carry query parameters or request bodies: a failed query's line keeps its SQL and drops its
// parameters (drizzle and the drivers put every one in the message); a client that aborts is an `info` line.
import { connect } from "node:net";
import { Writable } from "node:stream";
import { openDatabase, type DatabaseHandle } from "@inps-sim/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, createServiceApp, listen } from "../src/index.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  // A failing select changes nothing: on PostgreSQL it runs against the DATABASE_URL database itself.
  handle = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 1 });
});
afterAll(() => handle.close());

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ service: "kit-test", level: "debug", destination }) };
}

const FISCAL_CODE = "RSSMRA80A01H501U";
const EMAIL = "mario.rossi@example.it";

describe("failed queries in the log", () => {
  it("keep the SQL and lose every parameter, the driver's detail included", async () => {
    const { lines, logger } = capture();
    const app = createServiceApp({ logger });
    app.get("/fails", async () => {
      await handle.db.execute(sql`select ${FISCAL_CODE}::int as n, ${EMAIL} as e`);
      return new Response("unreachable");
    });
    const res = await app.request("/fails");
    expect(res.status).toBe(500);
    const text = JSON.stringify(lines);
    expect(text).toContain("Failed query: select");
    expect(text).not.toContain(FISCAL_CODE);
    expect(text).not.toContain(EMAIL);
  });

  it("lose them when logged outside a request too", async () => {
    const { lines, logger } = capture();
    const error = await handle.db.execute(sql`select ${FISCAL_CODE}::int`).catch((e: unknown) => e);
    logger.error({ err: error }, "outbox pass failed");
    expect(JSON.stringify(lines)).not.toContain(FISCAL_CODE);
    expect(lines[0]).toMatchObject({
      msg: "outbox pass failed",
      err: { message: expect.stringContaining("Failed query") },
    });
  });
});

describe("a client that aborts", () => {
  it("is logged at info, not as an unhandled error", async () => {
    const { lines, logger } = capture();
    const app = createServiceApp({ logger });
    app.post("/upload", async (c) => c.text(await c.req.text()));
    const server = await listen(app, { port: 0 });
    const socket = connect(server.port, "127.0.0.1");
    socket.write(
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n',
    );
    // The body is being read (by the input rule) when the client goes away.
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.close();
    expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, msg: "request aborted by the client" }),
    );
  });
});
