import { ProblemError } from "@inps-sim/service-kit";

export const dispositivoRequired = () =>
  new ProblemError({
    status: 403,
    code: "dispositivo-required",
    title: "Serve un PIN dispositivo",
    detail:
      "Per presentare domande di prestazione serve un PIN dispositivo (o SPID di livello 2 o superiore). Il PIN ordinario " +
      'permette solo la consultazione. Per convertirlo: accedi con codice fiscale e PIN, scegli "Converti PIN" ' +
      "(POST /api/v1/me/dispositivo-requests) indicando un documento di identità, stampa e firma il modulo prodotto, " +
      "poi caricalo online insieme alla copia del documento, oppure invialo via fax o consegnalo a una sede INPS. " +
      "Il PIN diventa dispositivo quando INPS accetta la richiesta.",
  });
