// Thin handlers of /api/v1/letters: validate (done by the routes), store once per Idempotency-Key, answer.
import type { RouteHandler } from "@hono/zod-openapi";
import {
  fingerprintOf,
  idempotent,
  ProblemError,
  readIdempotencyKey,
  type FaultEnv,
  type ServiceEnv,
} from "@inps-sim/service-kit";
import type { Handler } from "hono";
import type { PostalAppDeps } from "../app.ts";
import { idempotencyKeys } from "../db/schema.ts";
import type {
  clearLettersRoute,
  getLetterRoute,
  listLettersRoute,
  sendLetterRoute,
} from "./letters.routes.ts";
import {
  clearLetters,
  getLetter,
  insertLetter,
  LETTER_ID,
  listLetters,
  toLetter,
  toLetterContent,
  toSummary,
} from "./letters.store.ts";

const notFound = () =>
  new ProblemError({
    status: 404,
    code: "letter-not-found",
    title: "No such letter",
    detail: "No letter has this id.",
  });

export const sendLetter =
  ({ db, clock, settings }: PostalAppDeps): RouteHandler<typeof sendLetterRoute, FaultEnv> =>
  async (c) => {
    const key = readIdempotencyKey(c.req);
    const input = c.req.valid("json");
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
          {
            letterId: row.id,
            service: row.service,
            dropped: row.dropped,
            returnReason: row.returnReason,
            workingDays: row.workingDays,
          },
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
    return c.json(answer.body, 201);
  };

export const listLettersHandler =
  ({ db, clock }: PostalAppDeps): RouteHandler<typeof listLettersRoute, FaultEnv> =>
  async (c) => {
    const now = clock.now();
    const rows = await listLetters(db, c.req.valid("query"), now);
    return c.json({ letters: rows.map((r) => toSummary(r, now)) }, 200);
  };

export const getLetterHandler =
  ({ db, clock }: PostalAppDeps): RouteHandler<typeof getLetterRoute, FaultEnv> =>
  async (c) => {
    const { id } = c.req.valid("param");
    const row = LETTER_ID.test(id) ? await getLetter(db, id) : undefined;
    if (!row) throw notFound();
    return c.json(toLetter(row, clock.now()), 200);
  };

/** GET /letters/{id}.pdf (documented by getLetterPdfRoute): the printed letter, once it is in the letterbox. */
export const getLetterPdfHandler =
  ({ db, clock }: PostalAppDeps): Handler<FaultEnv> =>
  async (c) => {
    const id = (c.req.param("file") ?? "").slice(0, -".pdf".length);
    const row = LETTER_ID.test(id) ? await getLetter(db, id) : undefined;
    if (!row) throw notFound();
    const letter = toLetterContent(row, clock.now());
    if (letter.status !== "delivered") {
      throw new ProblemError({
        status: 409,
        code: "letter-not-delivered",
        title: "The letter has not been delivered",
        detail: `The letter is ${letter.status}: its content can be read once it is in the letterbox.`,
        extra: { letterStatus: letter.status },
      });
    }
    // pdf-lib is loaded on the first PDF asked for, not at start-up.
    const { renderLetterPdf } = await import("./pdf.ts");
    const bytes = await renderLetterPdf(letter);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${letter.id}.pdf"`,
    });
  };

export const clearLettersHandler =
  ({ db }: PostalAppDeps): RouteHandler<typeof clearLettersRoute, FaultEnv> =>
  async (c) => {
    const deleted = await clearLetters(db, c.req.valid("query").name);
    c.get("log").info({ deleted }, "letters cleared");
    return c.body(null, 204);
  };

/** GET /__sim/letters/{id}: the letter with its text whatever its status, for a test that looks inside the post. */
export const peekLetterHandler =
  ({ db, clock }: PostalAppDeps): Handler<ServiceEnv> =>
  async (c) => {
    const id = c.req.param("id") ?? "";
    const row = LETTER_ID.test(id) ? await getLetter(db, id) : undefined;
    if (!row) throw notFound();
    return c.json(toLetterContent(row, clock.now()));
  };
