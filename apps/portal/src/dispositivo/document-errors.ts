// The identity service words some checks of the identity document and of the uploads in English; the citizen reads
// them in Italian, beside the field, under the portal's own label for it.
import type { IdentityFailure } from "@inps-sim/clients";
import { fieldErrorsOf, FORM, messageFor, type FieldErrors } from "../http/field-errors.ts";
import { UPLOAD_MAX_BYTES } from "../http/uploads.ts";

const ENGLISH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^not a [\w-]+ number: expected e\.g\. (.+)$/, (m) => `numero non valido per questo documento (ad esempio ${m[1] ?? ""})`],
  [/^the document is issued in the future$/, () => "la data di rilascio è nel futuro"],
  [/^the document has expired$/, () => "il documento è scaduto"],
  [/^must be after the issue date$/, () => "deve essere successiva alla data di rilascio"],
  [/^not a PDF, PNG or JPEG file$/, () => "sono ammessi solo file PDF, PNG o JPEG"],
  [/^a file is required$/, () => "scelga il file da caricare"],
];

function italian(message: string): string {
  for (const [pattern, say] of ENGLISH) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}

/** Errors of the identity-document form: each under its field's label, in Italian. */
export function documentErrors(failure: IdentityFailure, fields: readonly string[], labels: Record<string, string>): FieldErrors {
  const errors = fieldErrorsOf(failure, fields);
  for (const [key, messages] of Object.entries(errors)) {
    if (key === FORM) continue;
    errors[key] = messages.map((message) => {
      const rest = message.includes(": ") ? message.slice(message.indexOf(": ") + 2) : message;
      return `${labels[key] ?? key}: ${italian(rest)}`;
    });
  }
  return errors;
}

/** Errors of the upload form: 415 beside the file it names, 413 beside each file over the limit. */
export function uploadErrors(failure: IdentityFailure, sizes: Record<string, number>): FieldErrors {
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const p = failure.problem;
  if (p.code === "too-large") {
    const over = Object.entries(sizes).filter(([, size]) => size > UPLOAD_MAX_BYTES);
    for (const [field] of over.length ? over : [[FORM]]) add(field ?? FORM, messageFor(failure));
    return errors;
  }
  const named = (p.errors ?? []).filter((e) => e.path in sizes || e.path === "signedForm" || e.path === "identityDocument");
  if (p.code === "unsupported-media-type" || p.code === "validation-failed") {
    for (const e of named) add(e.path, p.code === "unsupported-media-type" ? messageFor(failure) : italian(e.message));
    if (named.length) return errors;
  }
  add(FORM, messageFor(failure));
  return errors;
}
