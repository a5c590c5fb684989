// Converting an ordinary PIN into a PIN dispositivo (R28–R31): the request with an identity document, the signed
// form delivered by upload or on paper, and the operator's decision. Every state change is one conditional
// UPDATE, so two deliveries or two decisions racing on a request cannot both win.
import { randomUUID } from "node:crypto";
import { calendarDateOf, formatCalendarDate } from "@inps-sim/domain";
import { validationFailed } from "@inps-sim/service-kit";
import { and, count, desc, eq, inArray, notInArray } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { maskDestination, personalDestination, recipientOf } from "../credentials/destinations.ts";
import {
  citizens,
  credentials,
  dispositivoFiles,
  dispositivoRequests,
  type DispositivoRequestStatus,
} from "../db/schema.ts";
import { notFound, unauthenticated } from "../http/problems.ts";
import { inTransaction } from "@inps-sim/db";
import { enqueueMessage } from "../outbox/enqueue.ts";
import type { SessionInfo } from "../sessions/session-auth.ts";
import { recordEvent } from "../timeline/record-event.ts";
import { checkIdentityDocument, type IdentityDocumentInput } from "./identity-document.ts";
import { dispositivoDecisionMessage } from "./messages-it.ts";
import { alreadyDispositivo, requestOpen, wrongRequestState } from "./problems.ts";
import type { AcceptedMediaType } from "./uploads.ts";

export type RequestRow = typeof dispositivoRequests.$inferSelect;
export type RequestStatus = DispositivoRequestStatus;
const OPEN: RequestStatus[] = ["awaiting-signed-form", "under-review"];

export const formUrlOf = (id: string) => `/api/v1/me/dispositivo-requests/${id}/form.pdf`;

export function requestView(r: RequestRow) {
  return {
    requestId: r.id,
    status: r.status,
    formUrl: formUrlOf(r.id),
    identityDocument: {
      type: r.documentType,
      number: r.documentNumber,
      issuedBy: r.documentIssuedBy,
      issueDate: r.documentIssueDate,
      expiryDate: r.documentExpiryDate,
    },
    deliveredVia: r.deliveredVia,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export async function createDispositivoRequest(
  ctx: IdentityContext,
  session: SessionInfo,
  doc: IdentityDocumentInput,
  requestId?: string,
) {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(credentials)
    .where(eq(credentials.id, session.credentialId))
    .limit(1);
  const credential = rows[0];
  if (!credential) throw unauthenticated();
  if (credential.kind === "dispositivo") throw alreadyDispositivo();
  const problems = checkIdentityDocument(doc, formatCalendarDate(calendarDateOf(now)));
  if (problems.length) throw validationFailed(problems);
  const id = `DSP-${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
  const inserted = await inTransaction(ctx.db, async (tx) => {
    // The partial unique index keeps one open request a citizen; a racing second insert gets no row.
    const row = await tx
      .insert(dispositivoRequests)
      .values({
        id,
        fiscalCode: session.fiscalCode,
        credentialId: credential.id,
        status: "awaiting-signed-form",
        documentType: doc.type,
        documentNumber: doc.number,
        documentIssuedBy: doc.issuedBy,
        documentIssueDate: doc.issueDate,
        documentExpiryDate: doc.expiryDate,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (row[0]) {
      await recordEvent(tx, {
        fiscalCode: session.fiscalCode,
        type: "dispositivo-requested",
        at: now,
        data: { dispositivoRequestId: id, documentType: doc.type },
        requestId,
      });
    }
    return row[0];
  });
  if (!inserted) {
    const open = await ctx.db
      .select({ id: dispositivoRequests.id })
      .from(dispositivoRequests)
      .where(
        and(
          eq(dispositivoRequests.fiscalCode, session.fiscalCode),
          inArray(dispositivoRequests.status, OPEN),
        ),
      )
      .limit(1);
    throw requestOpen(open[0]?.id ?? "");
  }
  return inserted;
}

/** The citizen's own request; another citizen's id is simply not found. */
export async function ownRequest(
  ctx: IdentityContext,
  session: SessionInfo,
  id: string,
): Promise<RequestRow> {
  const rows = await ctx.db
    .select()
    .from(dispositivoRequests)
    .where(and(eq(dispositivoRequests.id, id), eq(dispositivoRequests.fiscalCode, session.fiscalCode)))
    .limit(1);
  if (!rows[0]) throw notFound("Dispositivo request");
  return rows[0];
}

export async function requestById(ctx: IdentityContext, id: string): Promise<RequestRow> {
  const rows = await ctx.db.select().from(dispositivoRequests).where(eq(dispositivoRequests.id, id)).limit(1);
  if (!rows[0]) throw notFound("Dispositivo request");
  return rows[0];
}

export async function citizenOf(ctx: IdentityContext, fiscalCode: string) {
  const rows = await ctx.db.select().from(citizens).where(eq(citizens.fiscalCode, fiscalCode)).limit(1);
  if (!rows[0]) throw notFound("Citizen");
  return rows[0];
}

export interface UploadedFile {
  part: "signed-form" | "identity-document";
  mediaType: AcceptedMediaType;
  content: Uint8Array;
}

/** Marks the form delivered (upload, fax or office); the files, if any, are stored in the same transaction. */
export async function deliverSignedForm(
  ctx: IdentityContext,
  request: RequestRow,
  via: "upload" | "fax" | "office",
  files: UploadedFile[],
  by: { operatorId?: string },
  requestId?: string,
) {
  const now = ctx.clock.now();
  const updated = await inTransaction(ctx.db, async (tx) => {
    const rows = await tx
      .update(dispositivoRequests)
      .set({ status: "under-review", deliveredVia: via, deliveredAt: now })
      .where(
        and(eq(dispositivoRequests.id, request.id), eq(dispositivoRequests.status, "awaiting-signed-form")),
      )
      .returning();
    if (!rows[0]) return undefined;
    for (const f of files) {
      await tx.insert(dispositivoFiles).values({
        requestId: request.id,
        part: f.part,
        mediaType: f.mediaType,
        size: f.content.byteLength,
        content: Buffer.from(f.content),
        uploadedAt: now,
      });
    }
    await recordEvent(tx, {
      fiscalCode: request.fiscalCode,
      type: "dispositivo-form-delivered",
      at: now,
      data: {
        dispositivoRequestId: request.id,
        via,
        ...(by.operatorId ? { operatorId: by.operatorId } : {}),
        files: files.map((f) => ({ part: f.part, mediaType: f.mediaType, size: f.content.byteLength })),
      },
      requestId,
    });
    return rows[0];
  });
  if (!updated) throw wrongRequestState((await requestById(ctx, request.id)).status);
  return updated;
}

export async function decideRequest(
  ctx: IdentityContext,
  id: string,
  decision: { decision: "approve" | "reject"; reason?: string | undefined },
  operatorId: string,
  requestId?: string,
) {
  const now = ctx.clock.now();
  const approved = decision.decision === "approve";
  const current = await requestById(ctx, id);
  const citizen = await citizenOf(ctx, current.fiscalCode);
  const updated = await inTransaction(ctx.db, async (tx) => {
    const rows = await tx
      .update(dispositivoRequests)
      .set({
        status: approved ? "approved" : "rejected",
        decidedAt: now,
        decidedBy: operatorId,
        reason: decision.reason ?? null,
      })
      .where(and(eq(dispositivoRequests.id, id), eq(dispositivoRequests.status, "under-review")))
      .returning();
    const row = rows[0];
    if (!row) return undefined;
    if (approved) {
      await tx
        .update(credentials)
        .set({ kind: "dispositivo", updatedAt: now })
        .where(
          and(eq(credentials.id, row.credentialId), notInArray(credentials.state, ["expired", "revoked"])),
        );
    }
    // The scans were needed for the decision only.
    await tx.delete(dispositivoFiles).where(eq(dispositivoFiles.requestId, id));
    const dest = personalDestination(citizen);
    if (dest) {
      await enqueueMessage(tx, ctx.sealer, {
        fiscalCode: citizen.fiscalCode,
        purpose: "dispositivo-decision",
        destination: maskDestination(dest),
        message: dispositivoDecisionMessage(recipientOf(citizen), dest, {
          approved,
          requestId: id,
          reason: row.reason,
          at: now,
        }),
        now,
      });
    }
    await recordEvent(tx, {
      fiscalCode: citizen.fiscalCode,
      type: approved ? "dispositivo-approved" : "dispositivo-rejected",
      at: now,
      data: { dispositivoRequestId: id, operatorId, ...(row.reason ? { reason: row.reason } : {}) },
      requestId,
    });
    return row;
  });
  if (!updated) throw wrongRequestState(current.status);
  ctx.kickOutbox();
  return updated;
}

export async function listRequests(
  ctx: IdentityContext,
  status: RequestStatus,
  page: number,
  pageSize: number,
) {
  const where = eq(dispositivoRequests.status, status);
  const [items, total] = await Promise.all([
    ctx.db
      .select()
      .from(dispositivoRequests)
      .where(where)
      .orderBy(desc(dispositivoRequests.createdAt), desc(dispositivoRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(dispositivoRequests).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function requestFile(ctx: IdentityContext, id: string, part: UploadedFile["part"]) {
  const rows = await ctx.db
    .select()
    .from(dispositivoFiles)
    .where(and(eq(dispositivoFiles.requestId, id), eq(dispositivoFiles.part, part)))
    .limit(1);
  if (!rows[0]) throw notFound("File");
  return rows[0];
}
