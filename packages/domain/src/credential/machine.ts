// Applying an event to a credential, or refusing it with a typed error.

import type { CredentialEvent, CredentialState, PinKind } from "./states.ts";
import { CREDENTIAL_TRANSITIONS, type CredentialTransition } from "./transitions.ts";

export class ForbiddenTransitionError extends Error {
  readonly code = "forbidden-transition";
  constructor(
    readonly state: CredentialState,
    readonly event: CredentialEvent,
    readonly kind?: PinKind,
  ) {
    super(`event "${event}" is not allowed in state "${state}"${kind ? ` for a ${kind} PIN` : ""}`);
  }
}

const byKey = new Map<string, CredentialTransition>(
  CREDENTIAL_TRANSITIONS.map((t) => [`${t.from}|${t.event}`, t]),
);

/** The transition `event` takes from `state`, if any. */
export function findTransition(
  state: CredentialState,
  event: CredentialEvent,
): CredentialTransition | undefined {
  return byKey.get(`${state}|${event}`);
}

/** The state after `event`; throws ForbiddenTransitionError when the event is not allowed there. */
export function transition(state: CredentialState, event: CredentialEvent): CredentialState {
  const t = findTransition(state, event);
  if (!t) throw new ForbiddenTransitionError(state, event);
  return t.to;
}

export function canTransition(state: CredentialState, event: CredentialEvent): boolean {
  return byKey.has(`${state}|${event}`);
}

export interface CredentialStatus {
  state: CredentialState;
  kind: PinKind;
}

/** As transition(), also checking and updating the PIN kind (an ordinary PIN becomes dispositivo, R31). */
export function applyEvent(credential: CredentialStatus, event: CredentialEvent): CredentialStatus {
  const t = findTransition(credential.state, event);
  if (!t || (t.requiresKind && t.requiresKind !== credential.kind)) {
    throw new ForbiddenTransitionError(credential.state, event, credential.kind);
  }
  return { state: t.to, kind: t.setsKind ?? credential.kind };
}
