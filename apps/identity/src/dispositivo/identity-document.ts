// The identity document of a conversion request (R30): each type has its number format, and a document that has
// expired, or whose issue date is in the future, is refused naming the field.
import type { FieldProblem } from "@inps-sim/domain";

export const DOCUMENT_TYPES = ["carta-identita", "passaporto", "patente"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_LABELS: Record<DocumentType, string> = {
  "carta-identita": "Carta d'identità",
  passaporto: "Passaporto",
  patente: "Patente di guida",
};

/** CIE (CA12345AB) or the older paper card (AA1234567); passport YA1234567; driving licence U12345678A style. */
const FORMATS: Record<DocumentType, { pattern: RegExp; example: string }> = {
  "carta-identita": {
    pattern: /^(?:[A-Z]{2}\d{5}[A-Z]{2}|[A-Z]{2}\d{7})$/,
    example: "CA12345AB (CIE) o AA1234567 (cartacea)",
  },
  passaporto: { pattern: /^[A-Z]{2}\d{7}$/, example: "YA1234567" },
  patente: { pattern: /^[A-Z]{2}\d{7}[A-Z]$/, example: "RM1234567X" },
};

export interface IdentityDocumentInput {
  type: DocumentType;
  number: string;
  issuedBy: string;
  issueDate: string;
  expiryDate: string;
}

/** Calendar dates are compared as YYYY-MM-DD strings of the simulated day. */
export function checkIdentityDocument(doc: IdentityDocumentInput, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string) => `identityDocument.${field}`;
  const format = FORMATS[doc.type];
  if (!format.pattern.test(doc.number))
    problems.push({
      path: at("number"),
      message: `not a ${doc.type} number: expected e.g. ${format.example}`,
    });
  if (doc.issueDate > today)
    problems.push({ path: at("issueDate"), message: "the document is issued in the future" });
  if (doc.expiryDate < today) problems.push({ path: at("expiryDate"), message: "the document has expired" });
  if (doc.expiryDate <= doc.issueDate)
    problems.push({ path: at("expiryDate"), message: "must be after the issue date" });
  return problems;
}
