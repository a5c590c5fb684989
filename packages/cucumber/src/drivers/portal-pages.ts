// What the portal's pages say, read back into the contract's terms: the Italian sentence beside a field names the
// problem code, an outcome page names the channels and the deadline. The one place that knows the portal's words.
import type { IdentityFailure, IdentityProblem, RequiredAction } from "@inps-sim/clients";

/** The sentence the portal shows for each problem code (apps/portal/src/http/field-errors.ts), as a pattern. */
const PROBLEMS: { code: string; pattern: RegExp }[] = [
  { code: "invalid-credentials", pattern: /Codice fiscale o PIN non corretti/ },
  { code: "locked", pattern: /l'accesso ai servizi è bloccato: riprovi tra \d+ (?:secondi|minut[oi])/ },
  { code: "initial-pin-expired", pattern: /Il PIN iniziale è scaduto/ },
  { code: "credential-exists", pattern: /esiste già un PIN/ },
  {
    code: "activation-failed",
    pattern: /I dati non corrispondono: controlli il codice fiscale, la prima parte/,
  },
  { code: "activation-not-required", pattern: /non richiede l'attivazione/ },
  { code: "confirmation-mismatch", pattern: /La conferma non coincide con il nuovo PIN/ },
  { code: "pin-too-weak", pattern: /Il nuovo PIN non è sicuro/ },
  { code: "pin-reused", pattern: /diverso da quelli usati in precedenza/ },
  { code: "invalid-code", pattern: /Il codice non è corretto/ },
  { code: "code-expired", pattern: /Il codice è scaduto/ },
  { code: "recovery-failed", pattern: /codice di ripristino non corretti/ },
  { code: "recovery-expired", pattern: /Il link di ripristino è scaduto/ },
  { code: "revocation-failed", pattern: /I dati non corrispondono a un PIN revocabile online/ },
];

/** The wait a lockout message states, in seconds as the portal rounds it ("riprovi tra 3 minuti"). */
export function shownWait(message: string): number | undefined {
  const match = /riprovi tra (\d+) (secondi|minut[oi])/.exec(message);
  if (!match) return undefined;
  return match[2] === "secondi" ? Number(match[1]) : Number(match[1]) * 60;
}

/** How the portal rounds a wait for the page: seconds under a minute, else whole minutes up. */
export const roundedWait = (seconds: number) => (seconds < 60 ? seconds : Math.ceil(seconds / 60) * 60);

export interface ShownError {
  /** The form field (the API's path) the message sits beside, or undefined for the form as a whole. */
  path: string | undefined;
  message: string;
}

/** A failed form, as the contract would have said it: status and headers of the page, the code its message names. */
export function failureOf(
  status: number,
  headers: Headers,
  shown: ShownError[],
  pageText: string,
): IdentityFailure {
  const all = shown.map((s) => s.message).join("\n");
  const known = PROBLEMS.find((p) => p.pattern.test(all));
  const problem: IdentityProblem = {
    title: shown[0]?.message ?? "",
    status,
    code: known?.code ?? (status === 400 ? "validation-failed" : `http-${status}`),
  };
  if (problem.code === "validation-failed")
    problem.errors = shown.map((s) => ({ path: s.path ?? "", message: s.message }));
  const attempts = /restano (\d+) tentativi/.exec(all);
  if (attempts) problem.attemptsLeft = Number(attempts[1]);
  if (problem.code === "locked") {
    // The page and its Retry-After header must tell the same wait: the citizen reads one, a program the other.
    const header = Number(headers.get("retry-after"));
    const wait = shownWait(all);
    if (!Number.isFinite(header) || wait !== roundedWait(header)) {
      throw new Error(
        `the lockout page says to wait ${String(wait)} s but its Retry-After header says ${headers.get("retry-after") ?? "nothing"}`,
      );
    }
    problem.retryAfter = header;
  }
  return { ok: false, status, problem, headers, raw: pageText };
}

/** The page a session that owes an action is sent to (apps/portal/src/login/login.routes.tsx), and back. */
export function requiredActionAt(path: string): RequiredAction | null | undefined {
  if (path === "/area-personale") return null;
  if (path === "/primo-accesso") return "replace-initial-pin";
  if (path === "/impostazioni/sicurezza/cambia-pin") return "renew-expired-pin";
  if (path === "/pin-generato") return "confirm-generated-pin";
  return undefined;
}

/** A channel in the portal's words ("per email", "per posta ordinaria …") in the contract's. */
export function channelIn(sentence: string): "email" | "pec" | "sms" | "post" | undefined {
  const match = /per (email|PEC|SMS|posta ordinaria)/.exec(sentence);
  if (!match) return undefined;
  return match[1] === "posta ordinaria" ? "post" : (match[1]!.toLowerCase() as "email" | "pec" | "sms");
}

const MONTHS = [
  "gennaio",
  "febbraio",
  "marzo",
  "aprile",
  "maggio",
  "giugno",
  "luglio",
  "agosto",
  "settembre",
  "ottobre",
  "novembre",
  "dicembre",
];

/** "12 aprile 2026" as 2026-04-12: the page states a day, not an instant. */
export function italianDate(text: string): string | undefined {
  const match = /(\d{1,2}) ([a-z]+) (\d{4})/.exec(text);
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  if (!match || month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
}
