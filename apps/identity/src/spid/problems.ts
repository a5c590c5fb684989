// SPID's problems (R33, R35). `title` and `detail` are for the citizen, in Italian; `code` and `reason` for programs.
import { ProblemError } from "@inps-sim/service-kit";
import type { AssertionRejection } from "./assertion.ts";

export const spidNotAvailable = () =>
  new ProblemError({
    status: 403,
    code: "spid-not-available",
    title: "Accesso con SPID non ancora disponibile",
    detail:
      "I servizi INPS accettano le credenziali SPID dal 15 marzo 2016: acceda con il codice fiscale e il PIN.",
  });

const REASONS_IT: Record<AssertionRejection, string> = {
  malformed: "l'asserzione non è leggibile o manca di dati obbligatori",
  signature: "la firma non è quella del gestore di identità",
  issuer: "l'asserzione non viene dal gestore di identità atteso",
  audience: "l'asserzione è destinata a un altro fornitore di servizi",
  expired: "l'asserzione è scaduta",
  "not-yet-valid": "l'asserzione non è ancora valida",
  replayed: "l'asserzione è già stata usata",
  "unknown-citizen": "l'identità non corrisponde a un cittadino noto",
};

export const spidAssertionRejected = (reason: AssertionRejection) =>
  new ProblemError({
    status: 401,
    code: "spid-assertion-rejected",
    title: "Accesso con SPID non riuscito",
    detail: `Accesso con SPID non riuscito: ${REASONS_IT[reason]}. Ripeta l'accesso dal gestore di identità.`,
    extra: { reason },
    headers: { "www-authenticate": 'Bearer realm="inps"' },
  });

export const unknownIdentity = () =>
  new ProblemError({
    status: 404,
    code: "unknown-identity",
    title: "Identità di test sconosciuta",
    detail:
      "Il gestore di identità di test conosce solo i cittadini del simulatore: crei prima il cittadino (POST /__sim/citizens o una richiesta di PIN).",
  });
