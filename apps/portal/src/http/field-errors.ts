// Turns an identity problem into Italian messages beside the form's fields: a validation problem's
// `errors[].path` names the field (the forms use the API's paths as input names); other codes go to the
// field each form says they concern; whatever fits no field goes to the form's summary.
import type { IdentityFailure } from "@inps-sim/clients";

export type FieldErrors = Record<string, string[]>;

/** The key of messages that concern the whole form rather than one field. */
export const FORM = "_form";

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds} secondi`;
  const m = Math.ceil(seconds / 60);
  return m === 1 ? "1 minuto" : `${m} minuti`;
}

/** The Italian sentence for each problem code a citizen can meet on the portal's forms. */
export function messageFor(failure: IdentityFailure): string {
  const p = failure.problem;
  switch (p.code) {
    case "invalid-credentials":
      return "Codice fiscale o PIN non corretti.";
    case "locked":
      return `Per un PIN errato l'accesso ai servizi è bloccato: riprovi tra ${minutes(p.retryAfter ?? 180)}.`;
    case "initial-pin-expired":
      return "Il PIN iniziale è scaduto perché non è stato attivato entro 90 giorni: richieda un nuovo PIN.";
    case "credential-exists":
      return "Per questo codice fiscale esiste già un PIN.";
    case "activation-failed":
      return "I dati non corrispondono: controlli il codice fiscale, la prima parte del PIN e i dati della tessera sanitaria.";
    case "activation-not-required":
      return "Questo PIN non richiede l'attivazione: la seconda parte è già stata inviata.";
    case "confirmation-mismatch":
      return "La conferma non coincide con il nuovo PIN.";
    case "pin-too-weak": {
      const reasons = (p.reasons ?? []).map((r) => r.message).filter(Boolean);
      return `Il nuovo PIN non è sicuro${reasons.length ? `: ${reasons.join("; ")}` : "."}`;
    }
    case "pin-reused":
      return "Il nuovo PIN deve essere diverso da quelli usati in precedenza.";
    case "invalid-code":
      return p.attemptsLeft === undefined
        ? "Il codice non è corretto."
        : `Il codice non è corretto: restano ${p.attemptsLeft} tentativi.`;
    case "code-expired":
      return "Il codice è scaduto o sono stati superati i tentativi: ricominci la procedura.";
    case "recovery-failed":
      return "Codice fiscale o codice di ripristino non corretti.";
    case "recovery-expired":
      return "Il link di ripristino è scaduto o è già stato usato: ripeta la richiesta da «Hai smarrito il PIN?».";
    case "revocation-failed":
      return "I dati non corrispondono a un PIN revocabile online: controlli il codice fiscale, la tessera sanitaria e l'email o la PEC registrate. Senza tessera sanitaria registrata la revoca si chiede al contact center 803 164.";
    case "last-contact":
      return "Deve restare almeno un recapito digitale (email, PEC o cellulare): ne aggiunga un altro prima di rimuovere questo.";
    case "already-dispositivo":
      return "Il suo PIN è già un PIN dispositivo: non c'è nulla da convertire.";
    case "dispositivo-request-open":
      return "Esiste già una richiesta di conversione in corso.";
    case "wrong-request-state":
      return "La richiesta non è più in attesa del modulo firmato: i documenti sono già stati ricevuti o la richiesta è conclusa.";
    case "unsupported-media-type":
      return "Formato del file non accettato: sono ammessi solo file PDF, PNG o JPEG.";
    case "too-large":
      return "Il file è troppo grande: ogni file può essere al massimo di 5 MB.";
    case "not-found":
      return "La richiesta non è stata trovata.";
    default:
      return `Il servizio non ha potuto completare l'operazione (${p.code}). Riprovi più tardi.`;
  }
}

/**
 * @param fields the form's input names
 * @param byCode which field a non-validation code concerns, e.g. `{ "invalid-credentials": "pin" }`
 */
export function fieldErrorsOf(
  failure: IdentityFailure,
  fields: readonly string[],
  byCode: Record<string, string> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const p = failure.problem;
  if (p.code === "validation-failed" && p.errors?.length) {
    for (const e of p.errors) {
      // A path that names a group (contacts, healthCard) lands on the group's fieldset, keyed by its name.
      const key = fields.includes(e.path) || fields.some((f) => f.startsWith(`${e.path}.`)) ? e.path : FORM;
      add(key, e.message);
    }
    return errors;
  }
  const field = byCode[p.code];
  add(field !== undefined && fields.includes(field) ? field : FORM, messageFor(failure));
  return errors;
}
