// What every service module of the identity app works with, passed in (nothing reaches for a global).
import type { Database } from "@inps-sim/db";
import type { Clock, PinHasher, Policy, RandomSource, RecoveryContactsProfile } from "@inps-sim/domain";
import type { Logger } from "@inps-sim/service-kit";
import type { SerialWork } from "./background/serial-work.ts";
import type { Sealer } from "./outbox/sealing.ts";
import type { SpidKeys } from "./spid/idp-keys.ts";

export type DeliveryProfile = "digital-then-post" | "post-then-activate";
export type DigitalChannel = "email" | "pec" | "sms";

export interface IdentityHasher extends PinHasher {
  /** The work of one verification, answering false: for unknown fiscal codes (same time, same answer). */
  dummyVerify(pin: string): Promise<false>;
}

export interface IdentityContext {
  db: Database;
  clock: Clock;
  policy: Policy;
  hasher: IdentityHasher;
  random: RandomSource;
  delivery: { profile: DeliveryProfile; channel: DigitalChannel };
  sealer: Sealer;
  /** Tells the outbox dispatcher that something was queued. */
  kickOutbox: () => void;
  logger: Logger;
  operatorTokens: { operatorId: string; token: string }[];
  /** SIM_SEED: the simulated documents are drawn from it. */
  simSeed: string;
  /** Which contacts a recovery must name (RECOVERY_CONTACTS); the control plane may switch it for a scenario. */
  recovery: { contacts: RecoveryContactsProfile };
  /** The service's public base URL, for the recovery link (PUBLIC_URL, else where it listens). */
  publicUrl: () => string;
  /** Work done after the answer, in arrival order (the recovery request, R15). */
  background: SerialWork;
  /** The test SPID identity provider's key, made at start (R33). */
  spidKeys: SpidKeys;
}
