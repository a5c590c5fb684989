// The World: one per scenario, holding the stack's endpoints, typed clients and the scenario's own citizen.
import { randomBytes } from "node:crypto";
import { setWorldConstructor, World, type IWorldOptions } from "@cucumber/cucumber";
import {
  createMailClient,
  createPostalClient,
  createSmsClient,
  type MailClient,
  type PostalClient,
  type SmsClient,
} from "@inps-sim/clients";
import { randomPersona, type Persona } from "@inps-sim/domain";
import { createControlPlane, type ControlPlane } from "./control-plane.ts";
import { currentStack } from "./stack-hooks.ts";
import type { StackEndpoints } from "./stack-endpoints.ts";

const cryptoRandom = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

export class SimulatorWorld extends World {
  readonly stack: StackEndpoints;
  readonly sim: ControlPlane;
  readonly sms: SmsClient;
  readonly mail: MailClient;
  readonly postal: PostalClient;
  /** This scenario's own citizen: a generated fiscal code and contacts no other scenario shares. */
  readonly citizen: Persona;
  /** Values a scenario keeps between steps (an instant read earlier, an answer to compare). */
  readonly memory = new Map<string, unknown>();

  constructor(options: IWorldOptions) {
    super(options);
    this.stack = currentStack();
    this.sim = createControlPlane(this.stack.identityUrl, this.stack.adminToken);
    this.sms = createSmsClient({ baseUrl: this.stack.smsUrl });
    this.postal = createPostalClient({ baseUrl: this.stack.postalUrl });
    this.mail = createMailClient({ apiUrl: this.stack.mailUrl, smtpHost: this.stack.smtpHost, smtpPort: this.stack.smtpPort });
    this.citizen = randomPersona(cryptoRandom);
  }

  remember<T>(key: string, value: T): T {
    this.memory.set(key, value);
    return value;
  }

  recall<T>(key: string): T {
    if (!this.memory.has(key)) throw new Error(`the scenario has not noted "${key}" yet`);
    return this.memory.get(key) as T;
  }
}

setWorldConstructor(SimulatorWorld);
