// The modulo of R30: what the citizen prints, signs and sends back (R31), with the request id on it so the
// operator who receives it by fax or at the counter finds the request.
import type { CitizenRow } from "../credentials/store.ts";
import { dispositivoRequests } from "../db/schema.ts";
import { DOCUMENT_LABELS, type DocumentType } from "./identity-document.ts";

type RequestRow = typeof dispositivoRequests.$inferSelect;

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export async function renderDispositivoForm(citizen: CitizenRow, request: RequestRow): Promise<Uint8Array> {
  // pdf-lib is loaded by the first form asked for, not by every start.
  const { renderInpsPdf } = await import("../pdf/inps-document.ts");
  const residence = citizen.residence
    ? `${citizen.residence.street}, ${citizen.residence.postalCode} ${citizen.residence.city} (${citizen.residence.province})`
    : "-";
  return renderInpsPdf({
    title: "Richiesta di PIN dispositivo",
    subtitle: `Numero richiesta: ${request.id}`,
    issuedAt: request.createdAt,
    sections: [
      {
        heading: "Dati del richiedente",
        rows: [
          { label: "Cognome e nome", value: `${citizen.lastName} ${citizen.firstName}` },
          { label: "Codice fiscale", value: citizen.fiscalCode },
          { label: "Data di nascita", value: ddmmyyyy(citizen.birthDate) },
          { label: "Luogo di nascita", value: citizen.birthPlace ?? "-" },
          { label: "Residenza", value: residence },
          { label: "Email", value: citizen.email ?? "-" },
          { label: "Cellulare", value: citizen.mobile ?? "-" },
        ],
      },
      {
        heading: "Documento di identità",
        rows: [
          {
            label: "Tipo",
            value: DOCUMENT_LABELS[request.documentType as DocumentType] ?? request.documentType,
          },
          { label: "Numero", value: request.documentNumber },
          { label: "Rilasciato da", value: request.documentIssuedBy },
          { label: "Data di rilascio", value: ddmmyyyy(request.documentIssueDate) },
          { label: "Data di scadenza", value: ddmmyyyy(request.documentExpiryDate) },
        ],
      },
      {
        heading: "Richiesta",
        rows: [
          { label: "Numero richiesta", value: request.id },
          { label: "Data", value: ddmmyyyy(request.createdAt.toISOString()) },
        ],
        paragraphs: [
          "Il/La sottoscritto/a chiede la conversione del proprio PIN ordinario in PIN dispositivo, che consente di presentare online le domande di prestazione.",
        ],
      },
      {
        heading: "Come inviare il modulo firmato",
        paragraphs: [
          "Stampi il modulo, lo firmi e lo invii insieme alla copia fronte/retro del documento di identità indicato:",
          '- online, caricando la scansione del modulo firmato e del documento nel servizio "Converti PIN";',
          "- via fax al numero 800 803 164;",
          "- oppure consegnandolo presso una sede INPS.",
          "Il PIN diventa dispositivo quando INPS accoglie la richiesta; riceverà l'esito per email.",
        ],
      },
    ],
    signatureBox: true,
    footer: `Modulo di richiesta PIN dispositivo n. ${request.id} - simulatore PIN INPS`,
  });
}
