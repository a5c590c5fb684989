// startIdentityService: the identity service on startService, with its outbox dispatcher. Used by main.ts and the stack.
import type { DatabaseHandle } from "@inps-sim/db";
import {
  startService,
  type BuiltService,
  type Logger,
  type RunningService,
  type StackClock,
} from "@inps-sim/service-kit";
import { createArgon2Hasher, cryptoRandom } from "@inps-sim/crypto";
import { resolvePolicyProfile } from "@inps-sim/domain";
import { createIdentityApp } from "./app.ts";
import { createOutboxDispatcher } from "./outbox/dispatcher.ts";
import { createGateways } from "./outbox/gateways.ts";
import { createSealer, outboxKey } from "./outbox/sealing.ts";
import type { IdentityConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { stackDirectory } from "./sim/sim-stack.ts";
import { createStackControl } from "./stack-control.ts";
import { identityMigrations } from "./migrations.ts";

export { identityMigrations };

interface IdentityStartOptions {
  handle: DatabaseHandle;
  config: IdentityConfig;
  logger: Logger;
  simStart?: Date | undefined;
  /** What GET /__sim/stack adds to the gateways of the config: the portal, a generated operator token. */
  announce?: { portalUrl?: string | undefined; operatorToken?: string | undefined };
  /** The clock of the process's other services (the embedded stack); unset: this service's own, stored. */
  clock?: StackClock | undefined;
  /** The gateways run in this process on `clock`: clock moves reach them without a request (resets still go by HTTP). */
  gatewaysShareClock?: boolean | undefined;
}

export function startIdentityService(options: IdentityStartOptions): Promise<RunningService> {
  const { handle, config, logger } = options;
  return startService({
    name: "identity",
    handle,
    logger,
    migrations: identityMigrations,
    clockTable: simClock,
    simStart: options.simStart,
    clock: options.clock,
    port: config.IDENTITY_PORT,
    host: config.HOST,
    build: (context) => buildIdentityService(options, context),
  });
}

/** The app and its outbox dispatcher, as the service runs them (also what its OpenAPI document is read from). */
export function buildIdentityService(
  { handle, config, logger, announce, gatewaysShareClock }: IdentityStartOptions,
  { clock, ports }: { clock: StackClock; ports: () => Record<string, number> },
): BuiltService {
  const stack = createStackControl({
    gateways: [
      { name: "sms", url: config.SMS_URL, sharesClock: gatewaysShareClock },
      { name: "mail", url: config.MAIL_URL, sharesClock: gatewaysShareClock },
      { name: "postal", url: config.POSTAL_URL, sharesClock: gatewaysShareClock },
    ],
    token: config.GATEWAY_ADMIN_TOKEN ?? config.SIM_ADMIN_TOKEN ?? "",
    logger,
  });
  const gateways = createGateways({
    smsUrl: config.SMS_URL,
    mailUrl: config.MAIL_URL,
    postalUrl: config.POSTAL_URL,
    smtpHost: config.SMTP_HOST,
    smtpPort: config.SMTP_PORT,
    timeoutMs: config.OUTBOX_SEND_TIMEOUT_MS,
  });
  const sealer = createSealer(outboxKey(config.OUTBOX_KEY, config.SIM_SEED));
  const outbox = createOutboxDispatcher({
    db: handle.db,
    clock,
    gateways,
    sealer,
    logger,
    sendTimeoutMs: config.OUTBOX_SEND_TIMEOUT_MS,
  });
  const app = createIdentityApp({
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock,
    logger,
    stack,
    adminToken: config.SIM_CONTROL ? config.SIM_ADMIN_TOKEN : undefined,
    ports,
    policy: resolvePolicyProfile(config.POLICY_PROFILE),
    hasher: createArgon2Hasher(config.HASH_PROFILE),
    random: cryptoRandom,
    delivery: { profile: config.DELIVERY_PROFILE, channel: config.FIRST_HALF_CHANNEL },
    sealer,
    outbox,
    operatorTokens: config.OPERATOR_TOKENS,
    directory: stackDirectory(config, announce),
    simSeed: config.SIM_SEED,
    recoveryContacts: config.RECOVERY_CONTACTS,
    publicUrl: () =>
      config.PUBLIC_URL ?? `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${ports().http}`,
  });
  return {
    app,
    start: () => outbox.start(config.OUTBOX_POLL_MS),
    stop: async () => {
      await outbox.stop();
      gateways.close();
    },
  };
}
