// zod issues → the `errors: [{ path, message }]` of a validation problem, in Italian, each naming its field in
// words ("Indirizzo di residenza: campo obbligatorio"), never a raw validation-library message. `path` stays
// the machine path for programs.
import type { z } from "zod";
import type { FieldError } from "./problem.ts";

/** How citizens call the fields of the simulator's requests; a full path wins over its last segment. */
const FIELD_WORDS: Record<string, string> = {
  fiscalCode: "codice fiscale",
  firstName: "nome",
  lastName: "cognome",
  gender: "sesso",
  birthDate: "data di nascita",
  birthPlace: "luogo di nascita",
  residence: "indirizzo di residenza",
  "residence.street": "via e numero civico della residenza",
  "residence.postalCode": "CAP della residenza",
  "residence.city": "comune di residenza",
  "residence.province": "provincia di residenza",
  contacts: "recapiti",
  "contacts.email": "indirizzo email",
  "contacts.pec": "indirizzo PEC",
  "contacts.mobile": "numero di cellulare",
  email: "indirizzo email",
  pec: "indirizzo PEC",
  mobile: "numero di cellulare",
  healthCard: "tessera sanitaria",
  "healthCard.number": "numero della tessera sanitaria",
  "healthCard.expiryDate": "data di scadenza della tessera sanitaria",
  deliveryProfile: "profilo di consegna",
  firstHalfChannel: "canale della prima parte del PIN",
  firstHalf: "prima parte del PIN",
  pin: "PIN",
  currentPin: "PIN attuale",
  newPin: "nuovo PIN",
  confirmPin: "conferma del nuovo PIN",
  code: "codice di verifica",
  recoveryCode: "codice di ripristino",
  token: "link di ripristino",
  changeId: "modifica del PIN",
  to: "destinatario",
  text: "testo",
  subject: "oggetto",
  body: "testo",
  recipient: "destinatario",
};

/** The field in words, capitalised; the whole body when the path is empty. */
export function fieldInWords(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join(".");
  const last = path.length ? String(path[path.length - 1]) : "";
  const words =
    FIELD_WORDS[dotted] ??
    FIELD_WORDS[last] ??
    (/^\d+$/.test(last) ? `elemento ${Number(last) + 1}` : last) ??
    "";
  const text = words || "corpo della richiesta";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** zod's own English texts start like this; a message written in a schema does not, and is kept. */
const LIBRARY_MESSAGE = /^(Invalid|Too (small|big)|Expected|Unrecognized|Required|Input not instance)/;

const TYPE_WORDS: Record<string, string> = {
  string: "un testo",
  number: "un numero",
  int: "un numero intero",
  boolean: "vero o falso",
  object: "un oggetto con i suoi campi",
  array: "un elenco",
};

type Issue = z.core.$ZodIssue;

function italian(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type": {
      const missing = (issue as { input?: unknown }).input === undefined;
      return missing ? "campo obbligatorio" : `deve essere ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    }
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "non può essere vuoto"
          : `deve avere almeno ${String(issue.minimum)} caratteri`;
      if (issue.origin === "array") return `deve contenere almeno ${String(issue.minimum)} elementi`;
      return `deve essere almeno ${String(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string") return `può avere al massimo ${String(issue.maximum)} caratteri`;
      if (issue.origin === "array") return `può contenere al massimo ${String(issue.maximum)} elementi`;
      return `può essere al massimo ${String(issue.maximum)}`;
    case "invalid_format":
      return issue.format === "email" ? "non è un indirizzo email valido" : "non è nel formato richiesto";
    case "invalid_value":
      return `deve essere uno tra: ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return `campi non previsti: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return "non è in nessuna delle forme ammesse";
    default:
      return "valore non valido";
  }
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const own = !LIBRARY_MESSAGE.test(issue.message);
    return {
      path: issue.path.map(String).join("."),
      message: `${fieldInWords(issue.path)}: ${own ? issue.message : italian(issue)}`,
    };
  });
}
