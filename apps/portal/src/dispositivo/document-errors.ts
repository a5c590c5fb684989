// The Converti PIN forms' errors: the identity document's under each field's label, in Italian; an upload's beside
// the file it concerns (415 names it; 413 falls on each file over the limit).
import type { IdentityFailure } from "@inps-sim/clients";
import { italianMessage, labelled } from "../http/api-messages.ts";
import { fieldErrorsOf, FORM, messageFor, type FieldErrors } from "../http/field-errors.ts";
import { UPLOAD_MAX_BYTES } from "../http/uploads.ts";

export function documentErrors(
  failure: IdentityFailure,
  fields: readonly string[],
  labels: Record<string, string>,
): FieldErrors {
  return labelled(fieldErrorsOf(failure, fields), labels);
}

export function uploadErrors(failure: IdentityFailure, sizes: Record<string, number>): FieldErrors {
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const p = failure.problem;
  if (p.code === "too-large") {
    const over = Object.keys(sizes).filter((field) => (sizes[field] ?? 0) > UPLOAD_MAX_BYTES);
    for (const field of over.length ? over : [FORM]) add(field, messageFor(failure));
    return errors;
  }
  const named = (p.errors ?? []).filter((e) => e.path in sizes);
  if (p.code === "unsupported-media-type" || p.code === "validation-failed") {
    for (const e of named)
      add(e.path, p.code === "unsupported-media-type" ? messageFor(failure) : italianMessage(e.message));
    if (named.length) return errors;
  }
  add(FORM, messageFor(failure));
  return errors;
}
