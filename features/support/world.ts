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

export class SimulatorWorld extends World {
  readonly stack: StackEndpoints;
  readonly sim: ControlPlane;
  readonly sms: SmsClient;
  readonly mail: MailClient;
  readonly postal: PostalClient;
  /** The identity service, with the admin token (for `/__sim`) and the operator token. */
  readonly identity: IdentityClient;
  /** The gateways' fault switches; an After hook clears whatever a scenario set. */
  readonly faults: GatewayFaults;
  /** This scenario's own citizen: a generated fiscal code and contacts no other scenario shares. */
  readonly citizen: Persona;
  /** Values a scenario keeps between steps (an instant read earlier, an answer to compare). */
  readonly memory = new Map<string, unknown>();
  #healthCard: HealthCard | undefined;

  constructor(options: IWorldOptions) {
    super(options);
    this.stack = currentStack();
    this.sim = createControlPlane(this.stack.identityUrl, this.stack.adminToken);
    this.sms = createSmsClient({ baseUrl: this.stack.smsUrl });
    this.postal = createPostalClient({ baseUrl: this.stack.postalUrl, adminToken: this.stack.adminToken });
    this.mail = createMailClient({ apiUrl: this.stack.mailUrl, smtpHost: this.stack.smtpHost, smtpPort: this.stack.smtpPort });
    this.citizen = randomPersona(cryptoRandom);
    this.identity = createIdentityClient({
      baseUrl: this.stack.identityUrl,
      adminToken: this.stack.adminToken,
      operatorToken: this.stack.operatorToken,
    });
    this.faults = createGatewayFaults(this.stack);
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
