// Some checks of the identity service (the identity document, the uploads, a new contact) answer their field's
// message in English; the citizen reads it in Italian, beside the field, under the portal's own label for it.
import { FORM, type FieldErrors } from "./field-errors.ts";

const ENGLISH: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^not a [\w-]+ number: expected e\.g\. (.+)$/,
    (m) => `numero non valido per questo documento (ad esempio ${m[1] ?? ""})`,
  ],
  [/^the document is issued in the future$/, () => "la data di rilascio è nel futuro"],
  [/^the document has expired$/, () => "il documento è scaduto"],
  [/^must be after the issue date$/, () => "deve essere successiva alla data di rilascio"],
  [/^not a PDF, PNG or JPEG file$/, () => "sono ammessi solo file PDF, PNG o JPEG"],
  [/^a file is required$/, () => "scelga il file da caricare"],
  [/^not a valid email address$/, () => "non è un indirizzo email valido"],
  [
    /^not the address of a certified-email \(PEC\) provider$/,
    () => "non è l'indirizzo di un gestore di posta certificata (PEC)",
  ],
  [/^no (email|pec|mobile) is registered$/, () => "non è registrato: non c'è nulla da rimuovere"],
  [/^this is already the registered (email|pec|mobile)$/, () => "è già quello registrato"],
];

function translated(message: string): string | undefined {
  for (const [pattern, say] of ENGLISH) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return undefined;
}

/** The message in Italian: whole if it is one of the English ones, else its text after a field prefix ("Numero: …"). */
export function italianMessage(message: string): string {
  const whole = translated(message);
  if (whole !== undefined) return whole;
  const rest = message.includes(": ") ? message.slice(message.indexOf(": ") + 2) : message;
  return translated(rest) ?? rest;
}

/** Every field's messages as "<the portal's label>: <message in Italian>"; the form's own messages stay as they are. */
export function labelled(errors: FieldErrors, labels: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    out[key] =
      key === FORM
        ? messages
        : messages.map((message) => `${labels[key] ?? key}: ${italianMessage(message)}`);
  }
  return out;
}
