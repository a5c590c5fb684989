// Consultation documents (any session, R27) and applications (a PIN dispositivo, R27/R32).
import { randomUUID } from "node:crypto";
import type { RouteHandler } from "@hono/zod-openapi";
import { desc, eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { applications, citizens } from "../db/schema.ts";
import { unauthenticated } from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import type { IdentityEnv } from "../http/router.ts";
import type { CitizenSession } from "../sessions/session-auth.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { APPLICATION_TITLES, applicationStatus, statusInItalian } from "./applications.ts";
import { documentLines, SERVICE_TITLES, type ConsultationService, type DocumentLine } from "./documents.ts";
import { dispositivoRequired } from "./problems.ts";
import { sessionPinKind } from "./session-kind.ts";
import type { ConsultationPdfRoute, ConsultationRoute, submitApplicationRoute } from "./services.routes.ts";

async function buildDocument(ctx: IdentityContext, session: CitizenSession, service: ConsultationService) {
  const rows = await ctx.db
    .select()
    .from(citizens)
    .where(eq(citizens.fiscalCode, session.fiscalCode))
    .limit(1);
  const citizen = rows[0];
  if (!citizen) throw unauthenticated();
  const now = ctx.clock.now();
  let lines: DocumentLine[];
  if (service === "application-status") {
    const stored = await ctx.db
      .select()
      .from(applications)
      .where(eq(applications.fiscalCode, citizen.fiscalCode))
      .orderBy(desc(applications.submittedAt));
    lines = stored.map((a) => ({
      label: `${a.id} - ${APPLICATION_TITLES[a.kind] ?? a.kind}`,
      value: `${statusInItalian(applicationStatus(a.submittedAt, now))} (presentata il ${a.submittedAt.toISOString().slice(0, 10)})`,
    }));
    if (lines.length === 0) lines = [{ label: "Domande", value: "Nessuna domanda presentata" }];
  } else {
    lines = documentLines(
      ctx.simSeed,
      service,
      { fiscalCode: citizen.fiscalCode, birthDate: citizen.birthDate },
      now,
    );
  }
  return {
    service,
    title: SERVICE_TITLES[service],
    fiscalCode: citizen.fiscalCode,
    holder: `${citizen.firstName} ${citizen.lastName}`,
    issuedAt: now.toISOString(),
    simulated: true as const,
    lines,
  };
}

export const consultationHandler =
  (ctx: IdentityContext, service: ConsultationService): RouteHandler<ConsultationRoute, IdentityEnv> =>
  async (c) =>
    c.json(await buildDocument(ctx, c.get("citizenSession"), service), 200);

export const consultationPdfHandler =
  (ctx: IdentityContext, service: ConsultationService): RouteHandler<ConsultationPdfRoute, IdentityEnv> =>
  async (c) => {
    const doc = await buildDocument(ctx, c.get("citizenSession"), service);
    // pdf-lib is loaded by the first PDF asked for, not by every start.
    const { renderInpsPdf } = await import("../pdf/inps-document.ts");
    const pdf = await renderInpsPdf({
      title: doc.title,
      subtitle: `${doc.holder} - codice fiscale ${doc.fiscalCode}`,
      issuedAt: new Date(doc.issuedAt),
      sections: [{ heading: "Dati", rows: doc.lines }],
      footer: "Documento simulato dal simulatore PIN INPS: nessun dato reale",
    });
    return c.body(pdf.slice().buffer as ArrayBuffer, 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${doc.service}.pdf"`,
    });
  };

export const submitApplicationHandler =
  (ctx: IdentityContext): RouteHandler<typeof submitApplicationRoute, IdentityEnv> =>
  async (c) => {
    const session = c.get("citizenSession");
    const { kind } = c.req.valid("json");
    if ((await sessionPinKind(ctx, session)) !== "dispositivo") throw dispositivoRequired();
    const now = ctx.clock.now();
    const id = `DOM-${randomUUID().slice(0, 8).toUpperCase()}`;
    await inTransaction(ctx.db, async (tx) => {
      await tx.insert(applications).values({
        id,
        fiscalCode: session.fiscalCode,
        kind,
        via: session.spidLevel === null ? "pin" : "spid",
        submittedAt: now,
      });
      await recordEvent(tx, {
        fiscalCode: session.fiscalCode,
        type: "application-submitted",
        at: now,
        data: { applicationId: id, kind },
        requestId: c.get("requestId"),
      });
    });
    return c.json(
      { applicationId: id, kind, status: applicationStatus(now, now), submittedAt: now.toISOString() },
      201,
    );
  };
