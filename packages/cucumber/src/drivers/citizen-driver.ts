// The seam between the steps and the way the citizen reaches INPS: the API (profile default) or the portal in a real
// browser (profile ui). A step asks the driver to act; the driver answers in the contract's terms (IdentityResult),
// so the same Then steps judge both. Steps that only look at gateways, the clock or the timeline use the clients.
import type {
  Activated,
  ActivationInput,
  IdentityResult,
  PinChanged,
  PinChangeInput,
  PinChangeStarted,
  PinRequestAccepted,
  PinRequestInput,
  GeneratedPin,
  RecoveryAccepted,
  RecoveryConfirmed,
  RecoveryConfirmInput,
  RecoveryRequestInput,
  RevocationInput,
  Revoked,
  Session,
} from "@inps-sim/clients";

export type DriverKind = "api" | "browser";

export interface CitizenDriver {
  readonly kind: DriverKind;
  /** "Richiedi PIN". */
  requestPin(input: PinRequestInput): Promise<IdentityResult<PinRequestAccepted>>;
  /** "Gestisci il tuo PIN → Attiva PIN". */
  activate(input: ActivationInput): Promise<IdentityResult<Activated>>;
  /** "Accedi a MyINPS": fiscal code and PIN. The session it opens is the one later actions use. */
  logIn(fiscalCode: string, pin: string): Promise<IdentityResult<Session>>;
  /** Impostazioni → Sicurezza → Cambia PIN (or the first access): current PIN, new PIN twice, Salva. */
  startPinChange(input: PinChangeInput): Promise<IdentityResult<PinChangeStarted>>;
  /** The verification code of the change just started. */
  verifyPinChange(started: PinChangeStarted, code: string): Promise<IdentityResult<PinChanged>>;
  /** Gets ready before the scenario's first step (a browser starts in seconds, a step has 30). */
  prepare(): Promise<void>;
  /** "Hai smarrito il tuo PIN?": fiscal code and contacts. */
  askRecovery(input: RecoveryRequestInput): Promise<IdentityResult<RecoveryAccepted>>;
  /** At the recovery link (its token from the email): fiscal code and codice di ripristino. */
  confirmRecovery(linkToken: string, input: RecoveryConfirmInput): Promise<IdentityResult<RecoveryConfirmed>>;
  /** The PIN the system generates after a recovery, shown once. */
  showGeneratedPin(): Promise<IdentityResult<GeneratedPin>>;
  /** The generated PIN typed back, completing the procedure. */
  confirmGeneratedPin(pin: string): Promise<IdentityResult<PinChanged>>;
  /** "Revoca PIN": fiscal code, tessera sanitaria, the registered email or PEC. */
  revoke(input: RevocationInput): Promise<IdentityResult<Revoked>>;
  /** What the citizen sees now, as a PNG, for the report; undefined where nothing is seen (the API). */
  screenshot(): Promise<Buffer | undefined>;
  /** Ends what the driver opened for the scenario (a browser context). */
  close(): Promise<void>;
}

/** Which driver a profile asked for (`worldParameters.driver`); the API unless told otherwise. */
export function driverKindOf(parameters: unknown): DriverKind {
  const asked = (parameters as { driver?: unknown } | undefined)?.driver ?? "api";
  if (asked !== "api" && asked !== "browser")
    throw new Error(`worldParameters.driver is "${String(asked)}": use "api" or "browser"`);
  return asked;
}
