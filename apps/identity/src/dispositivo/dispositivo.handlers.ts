import type { RouteHandler } from "@hono/zod-openapi";
import { validationFailed } from "@inps-sim/service-kit";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import {
  citizenOf,
  createDispositivoRequest,
  deliverSignedForm,
  ownRequest,
  requestById,
  requestFile,
  requestView,
  decideRequest,
  listRequests,
  type RequestRow,
  type UploadedFile,
} from "./conversion.ts";
import { conversionScreen } from "./conversion-screen.ts";
import type {
  conversionScreenRoute,
  createDispositivoRequestRoute,
  dispositivoFormRoute,
  getDispositivoRequestRoute,
  uploadDocumentsRoute,
} from "./dispositivo.routes.ts";
import { renderDispositivoForm } from "./form-pdf.ts";
import type {
  decisionRoute,
  downloadFileRoute,
  paperDeliveryRoute,
  queueRoute,
} from "./operator-dispositivo.routes.ts";
import { unsupportedMediaType, uploadTooLarge } from "./problems.ts";
import { detectMediaType, UPLOAD_MAX_BYTES } from "./uploads.ts";

/** A copy in an ArrayBuffer of its own: a driver's Buffer may be a view into a larger shared pool. */
const ownBytes = (bytes: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
};

export const getConversionScreen =
  (ctx: IdentityContext): RouteHandler<typeof conversionScreenRoute, IdentityEnv> =>
  async (c) =>
    c.json(await conversionScreen(ctx, c.get("session")), 200);

export const createRequest =
  (ctx: IdentityContext): RouteHandler<typeof createDispositivoRequestRoute, IdentityEnv> =>
  async (c) => {
    const row = await createDispositivoRequest(
      ctx,
      c.get("session"),
      c.req.valid("json").identityDocument,
      c.get("requestId"),
    );
    return c.json(requestView(row), 201);
  };

export const getRequest =
  (ctx: IdentityContext): RouteHandler<typeof getDispositivoRequestRoute, IdentityEnv> =>
  async (c) =>
    c.json(requestView(await ownRequest(ctx, c.get("session"), c.req.valid("param").requestId)), 200);

export const getForm =
  (ctx: IdentityContext): RouteHandler<typeof dispositivoFormRoute, IdentityEnv> =>
  async (c) => {
    const request = await ownRequest(ctx, c.get("session"), c.req.valid("param").requestId);
    const bytes = await renderDispositivoForm(await citizenOf(ctx, request.fiscalCode), request);
    return c.body(ownBytes(bytes), 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="modulo-${request.id}.pdf"`,
    });
  };

const PARTS = [
  ["signedForm", "signed-form"],
  ["identityDocument", "identity-document"],
] as const;

export const uploadDocuments =
  (ctx: IdentityContext): RouteHandler<typeof uploadDocumentsRoute, IdentityEnv> =>
  async (c) => {
    const request = await ownRequest(ctx, c.get("session"), c.req.valid("param").requestId);
    const form = await c.req.parseBody();
    const files: UploadedFile[] = [];
    // Every part is checked before anything is written: a bad second file leaves nothing stored.
    for (const [field, part] of PARTS) {
      const value = form[field];
      if (!(value instanceof File)) throw validationFailed([{ path: field, message: "a file is required" }]);
      if (value.size > UPLOAD_MAX_BYTES) throw uploadTooLarge(UPLOAD_MAX_BYTES);
      const content = new Uint8Array(await value.arrayBuffer());
      const mediaType = await detectMediaType(content);
      if (!mediaType) throw unsupportedMediaType(field);
      files.push({ part, mediaType, content });
    }
    await deliverSignedForm(ctx, request, "upload", files, {}, c.get("requestId"));
    return c.json({ status: "under-review" as const }, 202);
  };

function operatorView(row: RequestRow) {
  const files =
    row.deliveredVia === "upload" && row.status === "under-review"
      ? (["signed-form", "identity-document"] as const).map((part) => ({
          part,
          url: `/api/v1/operator/dispositivo-requests/${row.id}/files/${part}`,
        }))
      : [];
  return { ...requestView(row), fiscalCode: row.fiscalCode, files };
}

export const queue =
  (ctx: IdentityContext): RouteHandler<typeof queueRoute, IdentityEnv> =>
  async (c) => {
    const { status, page, pageSize } = c.req.valid("query");
    const { items, total } = await listRequests(ctx, status, page, pageSize);
    return c.json({ items: items.map(operatorView), page, pageSize, total }, 200);
  };

export const paperDelivery =
  (ctx: IdentityContext): RouteHandler<typeof paperDeliveryRoute, IdentityEnv> =>
  async (c) => {
    const request = await requestById(ctx, c.req.valid("param").requestId);
    const row = await deliverSignedForm(
      ctx,
      request,
      c.req.valid("json").via,
      [],
      { operatorId: c.get("operatorId") },
      c.get("requestId"),
    );
    return c.json(operatorView(row), 200);
  };

export const decide =
  (ctx: IdentityContext): RouteHandler<typeof decisionRoute, IdentityEnv> =>
  async (c) => {
    const row = await decideRequest(
      ctx,
      c.req.valid("param").requestId,
      c.req.valid("json"),
      c.get("operatorId"),
      c.get("requestId"),
    );
    return c.json(operatorView(row), 200);
  };

export const downloadFile =
  (ctx: IdentityContext): RouteHandler<typeof downloadFileRoute, IdentityEnv> =>
  async (c) => {
    const { requestId, part } = c.req.valid("param");
    const file = await requestFile(ctx, requestId, part);
    const ext = file.mediaType === "application/pdf" ? "pdf" : file.mediaType === "image/png" ? "png" : "jpg";
    return c.body(ownBytes(file.content), 200, {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${requestId}-${part}.${ext}"`,
    });
  };
