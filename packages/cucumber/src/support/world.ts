// The World: one per scenario. It holds the stack's typed clients (built on first use, so `--dry-run` needs no
// stack), the scenario's own citizen, and what happened to that citizen so far, each in a typed field.
import { randomBytes } from "node:crypto";
import { setWorldConstructor, World, type IWorldOptions } from "@cucumber/cucumber";
import {
  createIdentityClient,
  createMailClient,
  createPostalClient,
  createSmsClient,
  type Activated,
  type ContactChangeStarted,
  type ContactsAnswer,
  type DispositivoConversionScreen,
  type DispositivoRequest,
  type IdentityClient,
  type IdentityResult,
  type MailClient,
  type PinChanged,
  type PinChangeStarted,
  type PinRequestAccepted,
  type PostalClient,
  type RecoveryAccepted,
  type RecoveryConfirmed,
  type RecoveryContactsProfile,
  type Revoked,
  type Session,
  type SmsClient,
  type SpidAssertion,
  type SpidSession,
  type Timeline,
} from "@inps-sim/clients";
import { randomHealthCard, randomPersona, type HealthCard, type Persona } from "@inps-sim/domain";
import { createApiDriver } from "../drivers/api-driver.ts";
import { createBrowserDriver } from "../drivers/browser-driver.ts";
import { driverKindOf, type CitizenDriver, type DriverKind } from "../drivers/citizen-driver.ts";
import { createControlPlane, type ControlPlane } from "./control-plane.ts";
import { createGatewayFaults, type GatewayFaults } from "./gateway-faults.ts";
import { currentStack } from "./stack-hooks.ts";
import type { StackEndpoints } from "./stack-endpoints.ts";

const cryptoRandom = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

/** How a scenario names a channel: the first half by email, PEC or SMS, or by post (profile post-then-activate). */
export type SpokenChannel = "email" | "PEC" | "SMS" | "post";

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
    postal: createPostalClient({ baseUrl: stack.postalUrl, adminToken: stack.adminToken }),
    mail: createMailClient({ apiUrl: stack.mailUrl, smtpHost: stack.smtpHost, smtpPort: stack.smtpPort }),
    identity: createIdentityClient({
      baseUrl: stack.identityUrl,
      adminToken: stack.adminToken,
      operatorToken: stack.operatorToken,
    }),
    faults: createGatewayFaults(stack),
  };
}

/** The PIN request the citizen made: when, which way the first half travels, and INPS's answer. */
export interface PinRequestMade {
  at: Date;
  firstHalfChannel: SpokenChannel;
  answer: IdentityResult<PinRequestAccepted>;
}

/** A change started in Impostazioni → Sicurezza/PIN: the PIN chosen and INPS's answers so far. */
export interface PinChangeMade {
  newPin: string;
  started: IdentityResult<PinChangeStarted>;
  verified?: IdentityResult<PinChanged>;
}

/** A change of contacts in "modifica contatti PIN", or one made by the contact centre, and INPS's answers. */
export interface ContactChangeMade {
  started?: IdentityResult<ContactChangeStarted>;
  verified?: IdentityResult<ContactsAnswer>;
  /** The new mobile number the citizen gave. */
  newMobile?: string;
  /** What the operator saw after adding a contact by phone. */
  byOperator?: IdentityResult<ContactsAnswer>;
}

/** A conversion into a PIN dispositivo (R28–R31): the open request, and INPS's answers so far. */
export interface DispositivoConversion {
  /** "Converti PIN", second screen: the personal data and contacts (R29), as the citizen saw it last. */
  screen?: IdentityResult<DispositivoConversionScreen>;
  request?: DispositivoRequest;
  created?: IdentityResult<DispositivoRequest>;
  upload?: IdentityResult<{ status: "under-review" }>;
  /** An application for a service that needs a PIN dispositivo (R27). */
  application?: IdentityResult<unknown>;
}

/** A login with SPID (R33, R35): the assertion the test identity provider gave, and INPS's answer. */
export interface SpidLogin {
  assertion?: SpidAssertion;
  answer?: IdentityResult<SpidSession>;
}

/** The link and the codice di ripristino of one recovery email (R16), and the email's id. */
export interface RecoveryLink {
  token: string;
  code: string;
  mailId: string;
}

/** A recovery of a lost PIN ("Hai smarrito il tuo PIN?", R15–R21): what the citizen asked, read and was answered. */
export interface RecoveryMade {
  /** The simulated time of the first request (R21 measures from it). */
  requestedAt?: Date;
  asked?: IdentityResult<RecoveryAccepted>;
  /** The link the citizen holds now, and the one of the first email when a second was asked for. */
  link?: RecoveryLink;
  firstLink?: RecoveryLink;
  confirmed?: IdentityResult<RecoveryConfirmed>;
  /** Two confirmations sent at the same moment. */
  concurrent?: IdentityResult<RecoveryConfirmed>[];
  /** The two parts of the new 16-character PIN: by SMS, then by email. */
  halves?: { first: string; second: string };
  /** The token of a session opened before the recovery. */
  sessionBefore?: string;
  /** The stack's recovery profile before the scenario switched it (an After hook puts it back). */
  profileBefore?: RecoveryContactsProfile;
}

/** The PIN generated after a recovery (R20): every one shown, the last last, and the answer to typing it back. */
export interface GeneratedPin {
  shown: string[];
  confirmed?: IdentityResult<PinChanged>;
}

export class SimulatorWorld extends World {
  /** This scenario's own citizen: a generated fiscal code and contacts no other scenario shares (a hook draws again one the stack knows). */
  citizen: Persona = randomPersona(cryptoRandom);
  /** The PIN the citizen holds now (16 characters until the first access, then 8). */
  pin: string | undefined;
  /** The PIN the citizen held before the last confirmed change. */
  previousPin: string | undefined;
  /** The two halves of the initial PIN, as they reached the citizen. */
  readonly halves: { first?: string; second?: string } = {};
  request: PinRequestMade | undefined;
  /** The postal gateway's id of the letter the scenario looks at. */
  letterId: string | undefined;
  activations: IdentityResult<Activated>[] = [];
  /** The last login attempt, and the session it opened (its token is what later calls carry). */
  login: IdentityResult<Session> | undefined;
  session: Session | undefined;
  /** A second session of the same citizen, "on another device". */
  otherSession: Session | undefined;
  change: PinChangeMade | undefined;
  /** Every revocation tried, online or by the contact centre, the last one last. */
  readonly revocations: IdentityResult<Revoked>[] = [];
  readonly contactChange: ContactChangeMade = {};
  readonly dispositivo: DispositivoConversion = {};
  readonly spid: SpidLogin = {};
  /** The last answer of the identity service to anything the citizen did. */
  lastAnswer: IdentityResult<unknown> | undefined;
  /** Every answer the citizen received, as text (R14 searches them all for secrets). */
  readonly answers: string[] = [];
  /** Every PIN, half and code this citizen was given or chose (R14 looks for them where they must not be). */
  readonly secrets: string[] = [];
  /** What the citizen has already read, so "the next email" is a new one. */
  readonly inbox = { readMail: new Set<string>() };
  /** The citizen's timeline as an operator saw it last. */
  timeline: Timeline | undefined;
  /** An instant of simulated time the scenario noted. */
  notedTime: Date | undefined;
  /** The control plane's answer to a clock move the scenario expects to be refused. */
  clockMove: { status: number; body: unknown } | undefined;
  /** An answer given to someone else, to compare with the citizen's. */
  strangerAnswer: IdentityResult<Session> | undefined;
  readonly recovery: RecoveryMade = {};
  readonly generatedPin: GeneratedPin = { shown: [] };
  #healthCard: HealthCard | undefined;
  #clients: Clients | undefined;
  #driver: CitizenDriver | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

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

  /** The driver the profile chose (worldParameters.driver): `api`, or `browser` for the portal in Chromium. */
  get driverKind(): DriverKind {
    return driverKindOf(this.parameters);
  }
  /** How the citizen acts: through the API or through the portal's pages (the profile decides, not the step). */
  get driver(): CitizenDriver {
    this.#driver ??=
      this.driverKind === "browser"
        ? createBrowserDriver(() => {
            if (!this.stack.portalUrl)
              throw new Error(
                "the stack under test has no portal: the browser driver needs one (PORTAL_URL)",
              );
            return this.stack.portalUrl;
          })
        : createApiDriver(this.identity, () => {
            if (!this.session) throw new Error("the citizen has not logged in in this scenario");
            return this.session.token;
          });
    return this.#driver;
  }
  /** The driver, if a step has used it (hooks that screenshot or close it need not start one). */
  get driverInUse(): CitizenDriver | undefined {
    return this.#driver;
  }

  /** Another citizen instead of the one drawn, before any step has used it. */
  drawCitizenAgain(): void {
    this.citizen = randomPersona(cryptoRandom);
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
}

setWorldConstructor(SimulatorWorld);
