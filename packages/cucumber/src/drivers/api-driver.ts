// The citizen through the identity service's public API: what the suite always did, through the typed client.
import type { IdentityClient } from "@inps-sim/clients";
import type { CitizenDriver } from "./citizen-driver.ts";

/** @param sessionToken the token of the session the scenario's last login opened (the World keeps it) */
export function createApiDriver(identity: IdentityClient, sessionToken: () => string): CitizenDriver {
  return {
    kind: "api",
    requestPin: (input) => identity.requestPin(input),
    activate: (input) => identity.activate(input),
    logIn: (fiscalCode, pin) => identity.login({ fiscalCode, pin }),
    startPinChange: (input) => identity.startPinChange(sessionToken(), input),
    verifyPinChange: (started, code) => identity.verifyPinChange(sessionToken(), started.changeId, code),
    askRecovery: (input) => identity.askRecovery(input),
    confirmRecovery: (linkToken, input) => identity.confirmRecovery(linkToken, input),
    showGeneratedPin: () => identity.showGeneratedPin(sessionToken()),
    confirmGeneratedPin: (pin) => identity.confirmGeneratedPin(sessionToken(), pin),
    revoke: (input) => identity.revoke(input),
    prepare: async () => undefined,
    screenshot: async () => undefined,
    close: async () => undefined,
  };
}
