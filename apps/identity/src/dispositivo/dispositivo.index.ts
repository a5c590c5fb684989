import { bodyLimit } from "hono/body-limit";
import type { IdentityContext } from "../context.ts";
import { createRouter } from "../http/router.ts";
import { requireOperator } from "../operator/operator-auth.ts";
import { requireSession } from "../sessions/session-auth.ts";
import {
  createRequest,
  decide,
  getConversionScreen,
  downloadFile,
  getForm,
  getRequest,
  paperDelivery,
  queue,
  uploadDocuments,
} from "./dispositivo.handlers.ts";
import {
  conversionScreenRoute,
  createDispositivoRequestRoute,
  dispositivoFormRoute,
  getDispositivoRequestRoute,
  uploadDocumentsRoute,
} from "./dispositivo.routes.ts";
import {
  decisionRoute,
  downloadFileRoute,
  paperDeliveryRoute,
  queueRoute,
} from "./operator-dispositivo.routes.ts";
import { uploadTooLarge } from "./problems.ts";
import { UPLOAD_MAX_BYTES } from "./uploads.ts";

export function dispositivoRouter(ctx: IdentityContext) {
  const router = createRouter();
  // A session with a required action must complete it first (403 action-required), as for the services.
  router.use("/me/dispositivo-conversion", requireSession(ctx));
  router.use("/me/dispositivo-requests", requireSession(ctx));
  router.use("/me/dispositivo-requests/*", requireSession(ctx));
  // Two files and the multipart framing; refused before the body is read.
  router.use(
    "/me/dispositivo-requests/:requestId/documents",
    bodyLimit({
      maxSize: 2 * UPLOAD_MAX_BYTES + 64 * 1024,
      onError: () => {
        throw uploadTooLarge(UPLOAD_MAX_BYTES);
      },
    }),
  );
  router.use("/operator/dispositivo-requests", requireOperator(ctx));
  router.use("/operator/dispositivo-requests/*", requireOperator(ctx));
  return router
    .openapi(conversionScreenRoute, getConversionScreen(ctx))
    .openapi(createDispositivoRequestRoute, createRequest(ctx))
    .openapi(getDispositivoRequestRoute, getRequest(ctx))
    .openapi(dispositivoFormRoute, getForm(ctx))
    .openapi(uploadDocumentsRoute, uploadDocuments(ctx))
    .openapi(queueRoute, queue(ctx))
    .openapi(paperDeliveryRoute, paperDelivery(ctx))
    .openapi(decisionRoute, decide(ctx))
    .openapi(downloadFileRoute, downloadFile(ctx));
}
