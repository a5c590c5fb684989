// /api/v1/letters: send, list, read (JSON and PDF), clear.
import {
  fingerprintOf,
  idempotent,
  problem,
  readIdempotencyKey,
  readJson,
  readQuery,
  type FaultEnv,
} from "@inps-sim/service-kit";
import { Hono, type Context } from "hono";
import type { PostalAppDeps } from "../app.ts";
import { idempotencyKeys } from "../db/schema.ts";
import { clearQuerySchema, listQuerySchema, sendLetterSchema } from "./schemas.ts";
import { clearLetters, getLetter, insertLetter, LETTER_ID, listLetters, toLetter, toSummary } from "./store.ts";

const notFound = (c: Context) =>
  problem(c, { status: 404, code: "letter-not-found", title: "No such letter", detail: "No letter has this id." });

export function letterRoutes(deps: PostalAppDeps) {
  const api = new Hono<FaultEnv>();
  const { db, clock, settings } = deps;

  api.post("/letters", async (c) => {
    const key = readIdempotencyKey(c.req);
    const input = await readJson(c.req, sendLetterSchema);
    const now = clock.now();
    const answer = await idempotent(
      db,
      idempotencyKeys,
      { scope: "POST /api/v1/letters", key, fingerprint: fingerprintOf(input), now },
      async (tx) => {
        const row = await insertLetter(tx, input, {
          seed: settings.SIM_SEED,
          now,
          dropped: c.get("dropDelivery") === true,
          unknownAddresses: settings.POSTAL_UNKNOWN_ADDRESSES,
        });
        c.get("log").info(
          { letterId: row.id, service: row.service, dropped: row.dropped, returnReason: row.returnReason, workingDays: row.workingDays },
          "letter accepted",
        );
        return {
          status: 201,
          body: { id: row.id, status: "accepted" as const, expectedDeliveryDate: row.expectedDeliveryDate },
        };
      },
    );
    if (answer.replayed) c.header("idempotent-replayed", "true");
    c.header("location", `/api/v1/letters/${answer.body.id}`);
    return c.json(answer.body, answer.status as 201);
  });

  api.get("/letters", async (c) => {
    const q = readQuery(c.req.query(), listQuerySchema);
    const now = clock.now();
    const rows = await listLetters(db, q, now);
    return c.json({ letters: rows.map((r) => toSummary(r, now)) });
  });

  api.get("/letters/:ref", async (c) => {
    const ref = c.req.param("ref");
    const pdf = ref.endsWith(".pdf");
    const id = pdf ? ref.slice(0, -4) : ref;
    const row = LETTER_ID.test(id) ? await getLetter(db, id) : undefined;
    if (!row) return notFound(c);
    const letter = toLetter(row, clock.now());
    if (!pdf) return c.json(letter);
    // pdf-lib is loaded on the first PDF asked for, not at start-up.
    const { renderLetterPdf } = await import("./pdf.ts");
    const bytes = await renderLetterPdf(letter);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${letter.id}.pdf"`,
    });
  });

  api.delete("/letters", async (c) => {
    const q = readQuery(c.req.query(), clearQuerySchema);
    const deleted = await clearLetters(db, q.name);
    c.get("log").info({ deleted }, "letters cleared");
    return c.body(null, 204);
  });

  return api;
}
