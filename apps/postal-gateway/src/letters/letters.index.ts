import { createRouter, type FaultEnv } from "@inps-sim/service-kit";
import type { PostalAppDeps } from "../app.ts";
import { clearLettersHandler, getLetterHandler, listLettersHandler, sendLetter } from "./letters.handlers.ts";
import { clearLettersRoute, getLetterRoute, listLettersRoute, sendLetterRoute } from "./letters.routes.ts";

export const lettersRouter = (deps: PostalAppDeps) =>
  createRouter<FaultEnv>()
    .openapi(sendLetterRoute, sendLetter(deps))
    .openapi(listLettersRoute, listLettersHandler(deps))
    .openapi(getLetterRoute, getLetterHandler(deps))
    .openapi(clearLettersRoute, clearLettersHandler(deps));
