// The World: one per scenario, holding the stack's endpoints, typed clients and the scenario's own citizen.
import { randomBytes } from "node:crypto";
import { setWorldConstructor, World, type IWorldOptions } from "@cucumber/cucumber";
import {
  createIdentityClient,
  createMailClient,
  createPostalClient,
  createSmsClient,
  type IdentityClient,
  type MailClient,
  type PostalClient,
  type SmsClient,
} from "@inps-sim/clients";
import { randomHealthCard, randomPersona, type HealthCard, type Persona } from "@inps-sim/domain";
import { createControlPlane, type ControlPlane } from "./control-plane.ts";
import { createGatewayFaults, type GatewayFaults } from "./gateway-faults.ts";
import { currentStack } from "./stack-hooks.ts";
import type { StackEndpoints } from "./stack-endpoints.ts";

const cryptoRandom = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

interface Clients {
  stack: StackEndpoints;
  sim: ControlPlane;
  sms: SmsClient;
  mail: MailClient;
  postal: PostalClient;
  identity: IdentityClient;
  faults: GatewayFaults;
}

function createClients(stack: StackEndpoints): Clients {
  return {
    stack,
    sim: createControlPlane(stack.identityUrl, stack.adminToken),
    sms: createSmsClient({ baseUrl: stack.smsUrl }),
    postal: createPostalClient({ baseUrl: stack.postalUrl }),
    mail: createMailClient({ apiUrl: stack.mailUrl, smtpHost: stack.smtpHost, smtpPort: stack.smtpPort }),
    identity: createIdentityClient({ baseUrl: stack.identityUrl, adminToken: stack.adminToken, operatorToken: stack.operatorToken }),
    faults: createGatewayFaults(stack),
  };
}

export class SimulatorWorld extends World {
  /** This scenario's own citizen: a generated fiscal code and contacts no other scenario shares. */
  readonly citizen: Persona = randomPersona(cryptoRandom);
  /** Values a scenario keeps between steps (an instant read earlier, an answer to compare). */
  readonly memory = new Map<string, unknown>();
  #healthCard: HealthCard | undefined;
  #clients: Clients | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  // The clients are built on first use, so `--dry-run` and `--format usage` need no stack.
  get #made(): Clients {
    this.#clients ??= createClients(currentStack());
    return this.#clients;
  }
  /** Whether a step has reached the stack yet (hooks that clean up after one need not when none did). */
  get connected(): boolean {
    return this.#clients !== undefined;
  }
  get stack(): StackEndpoints {
    return this.#made.stack;
  }
  get sim(): ControlPlane {
    return this.#made.sim;
  }
  get sms(): SmsClient {
    return this.#made.sms;
  }
  get mail(): MailClient {
    return this.#made.mail;
  }
  get postal(): PostalClient {
    return this.#made.postal;
  }
  /** The identity service, with the admin token (for `/__sim`) and the operator token. */
  get identity(): IdentityClient {
    return this.#made.identity;
  }
  /** The gateways' fault switches; an After hook clears whatever a scenario set. */
  get faults(): GatewayFaults {
    return this.#made.faults;
  }

  /**
   * The citizen's tessera sanitaria, standing for the health-card register: drawn once per scenario and
   * valid for over a year of simulated time, so a scenario that lets 91 or 180 days pass still holds a live card.
   */
  async healthCard(): Promise<HealthCard> {
    if (!this.#healthCard) {
      const now = await this.sim.now();
      this.#healthCard = randomHealthCard(cryptoRandom, new Date(now.getTime() + 400 * 86_400_000));
    }
    return this.#healthCard;
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
