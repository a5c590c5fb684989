// POST /__sim/citizens: a citizen with a live credential, created directly, so a scenario about changing a PIN
// need not start from the post. Only the PIN's hash is stored, as for any other.
import { randomUUID } from "node:crypto";
import { FiscalCodeInputError, generateFiscalCode, type FieldProblem } from "@inps-sim/domain";
import { readJson, validationFailed } from "@inps-sim/service-kit";
import type { Context } from "hono";
import { z } from "zod";
import type { IdentityContext } from "../context.ts";
import { findLiveCredential } from "../credentials/store.ts";
import { desc, eq } from "drizzle-orm";
import { credentials, events } from "../db/schema.ts";
import { credentialExists } from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import { upsertCitizen } from "../pin-requests/request-pin.ts";
import { checkPerson } from "../pin-requests/validate-request.ts";
import { recordEvent } from "../timeline/record-event.ts";

const simCitizenSchema = z
  .object({
    fiscalCode: z.string().max(32).optional(),
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    gender: z.enum(["M", "F"]),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
    birthPlace: z.string().trim().min(1).max(100).optional(),
    residence: z
      .object({
        street: z.string().min(1).max(200),
        postalCode: z.string().regex(/^\d{5}$/),
        city: z.string().min(1).max(100),
        province: z
          .string()
          .regex(/^[A-Za-z]{2}$/)
          .transform((p) => p.toUpperCase()),
      })
      .optional(),
    contacts: z.object({
      email: z.string().max(254).optional(),
      pec: z.string().max(254).optional(),
      mobile: z.string().max(32).optional(),
    }),
    healthCard: z.object({ number: z.string().max(40), expiryDate: z.string().max(20) }).optional(),
    pin: z.string().min(4).max(64),
    pinKind: z.enum(["ordinary", "dispositivo"]).default("ordinary"),
    pinChangedAt: z.iso.datetime({ offset: true }).optional(),
    /** active (default), or initial for a 16-character PIN that must be replaced at first access. */
    state: z.enum(["active", "initial"]).optional(),
  })
  .strict();

export function simCitizensHandler(ctx: IdentityContext) {
  return async (c: Context) => {
    const body = await readJson(c.req, simCitizenSchema);
    const now = ctx.clock.now();
    let fiscalCode = body.fiscalCode;
    if (!fiscalCode) {
      try {
        fiscalCode = generateFiscalCode(
          { ...body, ...(body.birthPlace ? { birthPlace: body.birthPlace } : {}) },
          ctx.random,
        );
      } catch (error) {
        if (error instanceof FiscalCodeInputError)
          throw validationFailed([{ path: "fiscalCode", message: error.message }]);
        throw error;
      }
    }
    const errors: FieldProblem[] = [];
    const person = checkPerson({ ...body, fiscalCode }, now, errors);
    if (errors.length) throw validationFailed(errors);
    const state = body.state ?? (body.pin.length === 16 ? "initial" : "active");
    const pinHash = await ctx.hasher.hash(body.pin);
    const pinChangedAt = state === "active" ? (body.pinChangedAt ? new Date(body.pinChangedAt) : now) : null;
    await inTransaction(ctx.db, async (tx) => {
      if (await findLiveCredential(tx, person.fiscalCode)) throw credentialExists();
      await upsertCitizen(tx, person, now);
      const credentialId = randomUUID();
      await tx.insert(credentials).values({
        id: credentialId,
        fiscalCode: person.fiscalCode,
        state,
        kind: body.pinKind,
        deliveryProfile: "digital-then-post",
        digitalChannel: person.email ? "email" : person.pec ? "pec" : "sms",
        pinHash,
        pinChangedAt,
        requestedAt: now,
        activationDeadline: new Date(now.getTime() + ctx.policy.activationWindowDays * 86_400_000),
        activatedAt: now,
        updatedAt: now,
      });
      await recordEvent(tx, {
        fiscalCode: person.fiscalCode,
        type: "citizen-created",
        at: now,
        data: { credentialId, state, pinKind: body.pinKind, via: "__sim" },
      });
    });
    return c.json({ fiscalCode: person.fiscalCode }, 201);
  };
}

/** GET /__sim/citizens/{fiscalCode}/events: the timeline on the control plane, for suites without an operator token. */
export function simCitizenEventsHandler(ctx: IdentityContext) {
  return async (c: Context) => {
    const fiscalCode = (c.req.param("fiscalCode") ?? "").trim().toUpperCase();
    // Events some answers record after they have gone (recovery, a failed revocation) are read too.
    await ctx.background.idle();
    const rows = await ctx.db
      .select()
      .from(events)
      .where(eq(events.fiscalCode, fiscalCode))
      .orderBy(desc(events.at), desc(events.id))
      .limit(500);
    return c.json({
      fiscalCode,
      events: rows.map((e) => ({
        type: e.type,
        at: e.at.toISOString(),
        data: e.data,
        requestId: e.requestId,
      })),
    });
  };
}
