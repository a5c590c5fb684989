// The identity service's problems, one factory each, so every route answers a failure the same way.
// `title` and `detail` are for the citizen, in Italian; `code` is for programs and never changes.
import type { PinReason } from "@inps-sim/domain";
import { ProblemError } from "@inps-sim/service-kit";

export const invalidCredentials = () =>
  new ProblemError({
    status: 401,
    code: "invalid-credentials",
    title: "Codice fiscale o PIN non validi",
    detail: "Il codice fiscale o il PIN non sono corretti.",
    headers: { "www-authenticate": 'Bearer realm="inps"' },
  });

export const locked = (lockedUntil: Date, now: Date) => {
  const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new ProblemError({
    status: 423,
    code: "locked",
    title: "Accesso temporaneamente bloccato",
    detail: `Dopo un PIN errato tutti i servizi sono bloccati per alcuni minuti: riprovi tra ${retryAfter} secondi.`,
    extra: { retryAfter, lockedUntil: lockedUntil.toISOString() },
    headers: { "retry-after": String(retryAfter) },
  });
};

export const initialPinExpired = () =>
  new ProblemError({
    status: 410,
    code: "initial-pin-expired",
    title: "Il PIN iniziale è scaduto",
    detail:
      "Il PIN iniziale non è stato usato entro 90 giorni dalla richiesta e non è più valido: richieda un nuovo PIN.",
  });

export const unauthenticated = () =>
  new ProblemError({
    status: 401,
    code: "unauthenticated",
    title: "Sessione assente o scaduta",
    detail: "Acceda con il codice fiscale e il PIN (intestazione Authorization: Bearer <token>).",
    headers: { "www-authenticate": 'Bearer realm="inps"' },
  });

const ACTION_WORDS: Record<string, string> = {
  "replace-initial-pin": "sostituire il PIN iniziale di 16 caratteri con un PIN di 8 caratteri",
  "renew-expired-pin": "rinnovare il PIN scaduto",
  "confirm-generated-pin": "confermare il PIN di 8 caratteri generato dal sistema",
};

export const actionRequired = (action: string) =>
  new ProblemError({
    status: 403,
    code: "action-required",
    title: "Operazione richiesta prima di proseguire",
    detail: `Prima di proseguire occorre ${ACTION_WORDS[action] ?? action}.`,
    extra: { requiredAction: action },
  });

export const activationFailed = () =>
  new ProblemError({
    status: 401,
    code: "activation-failed",
    title: "Attivazione non riuscita",
    detail:
      "Il codice fiscale, la prima parte del PIN e i dati della tessera sanitaria non corrispondono a un PIN da attivare.",
  });

export const activationNotRequired = () =>
  new ProblemError({
    status: 409,
    code: "activation-not-required",
    title: "Il PIN non richiede attivazione",
    detail: "Questo PIN non è in attesa di attivazione: entrambe le parti sono già state inviate.",
  });

export const credentialExists = () =>
  new ProblemError({
    status: 409,
    code: "credential-exists",
    title: "Esiste già un PIN per questo codice fiscale",
    detail:
      "Esiste già un PIN per questo codice fiscale: lo usi, lo recuperi oppure lo revochi prima di richiederne uno nuovo.",
  });

export const confirmationMismatch = () =>
  new ProblemError({
    status: 400,
    code: "confirmation-mismatch",
    title: "La conferma non coincide con il nuovo PIN",
    detail: "La conferma del nuovo PIN deve essere uguale al nuovo PIN.",
    errors: [{ path: "confirmPin", message: "La conferma del nuovo PIN deve essere uguale al nuovo PIN." }],
  });

export const pinTooWeak = (reasons: PinReason[]) =>
  new ProblemError({
    status: 422,
    code: "pin-too-weak",
    title: "Il nuovo PIN non è sicuro",
    detail: reasons.map((r) => r.message).join("; "),
    extra: { reasons },
  });

export const pinReused = () =>
  new ProblemError({
    status: 422,
    code: "pin-reused",
    title: "Il nuovo PIN è già stato usato",
    detail: "Il nuovo PIN deve essere diverso dal PIN attuale e da quelli usati di recente.",
  });

export const invalidCode = (attemptsLeft: number) =>
  new ProblemError({
    status: 400,
    code: "invalid-code",
    title: "Codice errato",
    detail: `Il codice non è corretto; tentativi rimasti: ${attemptsLeft}.`,
    extra: { attemptsLeft },
  });

export const codeExpired = (why: "expired" | "used" | "too-many-attempts" | "superseded") =>
  new ProblemError({
    status: 410,
    code: "code-expired",
    title: "Codice di verifica scaduto",
    detail:
      why === "too-many-attempts"
        ? "Troppi codici errati: ripeta la richiesta di modifica."
        : why === "used"
          ? "Questo codice è già stato usato."
          : why === "superseded"
            ? "Una richiesta più recente ha sostituito questa."
            : "Il codice di verifica è scaduto: ripeta la richiesta di modifica.",
    extra: { reason: why },
  });

export const recoveryFailed = () =>
  new ProblemError({
    status: 401,
    code: "recovery-failed",
    title: "Recupero del PIN non riuscito",
    detail: "Il codice fiscale o il codice di ripristino non sono corretti.",
  });

export const recoveryExpired = (
  why: "expired" | "used" | "too-many-attempts" | "superseded" | "not-recoverable",
) =>
  new ProblemError({
    status: 410,
    code: "recovery-expired",
    title: "Link di ripristino non più valido",
    detail:
      why === "used"
        ? "Questo link di ripristino è già stato usato: se serve, chieda un nuovo recupero del PIN."
        : why === "too-many-attempts"
          ? "Troppi codici di ripristino errati: chieda un nuovo recupero del PIN."
          : why === "superseded"
            ? "Una richiesta di recupero più recente ha sostituito questa: usi il link dell'ultimo messaggio ricevuto."
            : "Il link di ripristino è scaduto o non è più utilizzabile: chieda un nuovo recupero del PIN.",
    extra: { reason: why },
  });

export const generatedPinNotDue = () =>
  new ProblemError({
    status: 409,
    code: "generated-pin-not-due",
    title: "Nessun PIN generato da confermare",
    detail:
      "Il PIN generato dal sistema si ottiene solo dopo un recupero del PIN, al primo accesso con il PIN di 16 caratteri.",
  });

export const generatedPinNotShown = () =>
  new ProblemError({
    status: 409,
    code: "generated-pin-not-shown",
    title: "Nessun PIN generato in attesa",
    detail: "Chieda prima il PIN generato dal sistema, poi lo inserisca per completare la procedura.",
  });

export const notFound = (what: string) =>
  new ProblemError({
    status: 404,
    code: "not-found",
    title: `${what} non trovato`,
    detail: `${what} non trovato.`,
  });

/** The contact centre's numbers as R26 gives them, for every text that sends the citizen there. */
export const CONTACT_CENTRE = "803 164 (gratuito da rete fissa) oppure 06 164 164 (da rete mobile)";

export const revocationFailed = () =>
  new ProblemError({
    status: 401,
    code: "revocation-failed",
    title: "Revoca non riuscita",
    // The same words for every failure, so the answer never tells which detail was wrong or whether a PIN exists.
    // Italian: the citizen reads it, and it is where a citizen without a health card learns what to do (R23, R26).
    detail:
      "Il codice fiscale, i dati della tessera sanitaria e l'email o la PEC registrate non corrispondono a un PIN revocabile online. " +
      `Chi non ha una tessera sanitaria registrata presso l'INPS non può revocare il PIN online: chiami il contact center, ${CONTACT_CENTRE}.`,
  });

export const notRevocable = () =>
  new ProblemError({
    status: 409,
    code: "not-revocable",
    title: "Nessun PIN da revocare",
    detail: "Questo cittadino non ha un PIN attivo: è già stato revocato, oppure il PIN iniziale è scaduto.",
  });

export const lastContact = () =>
  new ProblemError({
    status: 409,
    code: "last-contact",
    title: "Almeno un recapito deve restare",
    detail:
      "Deve restare almeno un recapito digitale (email, PEC o cellulare): ne aggiunga un altro prima di rimuovere questo.",
  });

export const pinSessionRequired = () =>
  new ProblemError({
    status: 403,
    code: "pin-session-required",
    title: "Operazione riservata all'accesso con PIN",
    detail:
      "Questa operazione riguarda il PIN INPS: acceda con il codice fiscale e il PIN. Con SPID si consultano i servizi e si " +
      "presentano domande (con SPID di livello 2 o superiore).",
  });
