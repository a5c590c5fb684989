// What the simulator console reaches, built per admin token: the identity service's client (citizens, timeline,
// outbox) and a control-plane client for any service of the stack (clock, faults, where the gateways are).
import {
  createControlPlaneClient,
  createIdentityClient,
  type ControlPlaneClient,
  type IdentityClient,
} from "@inps-sim/clients";

export interface ConsoleBackend {
  /** The identity service's base URL: its control plane moves the whole stack's clock. */
  identityUrl: string;
  identity(adminToken: string): IdentityClient;
  control(baseUrl: string, adminToken: string): ControlPlaneClient;
}

export function createConsoleBackend(identityUrl: string): ConsoleBackend {
  return {
    identityUrl,
    identity: (adminToken) => createIdentityClient({ baseUrl: identityUrl, adminToken }),
    control: (baseUrl, adminToken) => createControlPlaneClient({ baseUrl, adminToken }),
  };
}
