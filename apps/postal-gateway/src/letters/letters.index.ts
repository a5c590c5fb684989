import { createRouter, type FaultEnv } from "@inps-sim/service-kit";
import type { PostalAppDeps } from "../app.ts";
import {
  clearLettersHandler,
  getLetterHandler,
  getLetterPdfHandler,
  listLettersHandler,
  sendLetter,
} from "./letters.handlers.ts";
import {
  clearLettersRoute,
  getLetterPdfRoute,
  getLetterRoute,
  listLettersRoute,
  sendLetterRoute,
} from "./letters.routes.ts";

export function lettersRouter(deps: PostalAppDeps) {
  // The PDF first: `/letters/{id}` would match `ltr_….pdf` as an id.
  const router = createRouter<FaultEnv>();
  router.get("/letters/:file{.+\\.pdf}", getLetterPdfHandler(deps));
  router.openAPIRegistry.registerPath(getLetterPdfRoute);
  return router
    .openapi(sendLetterRoute, sendLetter(deps))
    .openapi(listLettersRoute, listLettersHandler(deps))
    .openapi(getLetterRoute, getLetterHandler(deps))
    .openapi(clearLettersRoute, clearLettersHandler(deps));
}
