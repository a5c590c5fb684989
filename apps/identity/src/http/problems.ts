// The identity service's problems, one factory each, so every route answers a failure the same way.
import type { PinReason } from "@inps-sim/domain";
import { ProblemError } from "@inps-sim/service-kit";

export const invalidCredentials = () =>
  new ProblemError({
    status: 401,
    code: "invalid-credentials",
    title: "Codice fiscale o PIN non validi",
    detail: "The fiscal code or the PIN is wrong.",
    headers: { "www-authenticate": 'Bearer realm="inps"' },
  });

export const locked = (lockedUntil: Date, now: Date) => {
  const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new ProblemError({
    status: 423,
    code: "locked",
    title: "Accesso temporaneamente bloccato",
    detail: `After a wrong PIN every service is blocked for a few minutes: try again in ${retryAfter} seconds.`,
    extra: { retryAfter, lockedUntil: lockedUntil.toISOString() },
    headers: { "retry-after": String(retryAfter) },
  });
};

export const initialPinExpired = () =>
  new ProblemError({
    status: 410,
    code: "initial-pin-expired",
    title: "Il PIN iniziale è scaduto",
    detail: "The initial PIN was not used within 90 days of the request and can no longer be used: request a new PIN.",
  });

export const unauthenticated = () =>
  new ProblemError({
    status: 401,
    code: "unauthenticated",
    title: "Sessione assente o scaduta",
    detail: "Log in with fiscal code and PIN and send Authorization: Bearer <token>.",
    headers: { "www-authenticate": 'Bearer realm="inps"' },
  });

export const actionRequired = (action: string) =>
  new ProblemError({
    status: 403,
    code: "action-required",
    title: "Operazione richiesta prima di proseguire",
    detail: `This session must first complete "${action}".`,
    extra: { requiredAction: action },
  });

export const activationFailed = () =>
  new ProblemError({
    status: 401,
    code: "activation-failed",
    title: "Attivazione non riuscita",
    detail: "The fiscal code, the first part of the PIN and the health-card data do not match a PIN awaiting activation.",
  });

export const activationNotRequired = () =>
  new ProblemError({
    status: 409,
    code: "activation-not-required",
    title: "Il PIN non richiede attivazione",
    detail: "This PIN does not wait for activation: both parts have already been sent.",
  });

export const credentialExists = () =>
  new ProblemError({
    status: 409,
    code: "credential-exists",
    title: "Esiste già un PIN per questo codice fiscale",
    detail: "A PIN already exists for this fiscal code: use it, recover it, or revoke it before requesting a new one.",
  });

export const confirmationMismatch = () =>
  new ProblemError({
    status: 400,
    code: "confirmation-mismatch",
    title: "La conferma non coincide con il nuovo PIN",
    detail: "The confirmation must equal the new PIN.",
    errors: [{ path: "confirmPin", message: "must equal newPin" }],
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
    detail: "The new PIN must differ from the current one and from the recent ones.",
  });

export const invalidCode = (attemptsLeft: number) =>
  new ProblemError({
    status: 400,
    code: "invalid-code",
    title: "Codice di verifica errato",
    detail: `The verification code is wrong; ${attemptsLeft} attempt(s) left.`,
    extra: { attemptsLeft },
  });

export const codeExpired = (why: "expired" | "used" | "too-many-attempts" | "superseded") =>
  new ProblemError({
    status: 410,
    code: "code-expired",
    title: "Codice di verifica scaduto",
    detail:
      why === "too-many-attempts"
        ? "Too many wrong codes: request the change again."
        : why === "used"
          ? "This code has already been used."
          : why === "superseded"
            ? "A newer change replaced this one."
            : "The verification code has expired: request the change again.",
    extra: { reason: why },
  });

export const notFound = (what: string) =>
  new ProblemError({ status: 404, code: "not-found", title: `${what} not found` });

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
    detail: "This citizen has no live PIN: it was already revoked, or its initial PIN expired.",
  });

export const lastContact = () =>
  new ProblemError({
    status: 409,
    code: "last-contact",
    title: "Almeno un recapito deve restare",
    detail: "Deve restare almeno un recapito digitale (email, PEC o cellulare): ne aggiunga un altro prima di rimuovere questo.",
  });
