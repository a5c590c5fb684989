// startIdentityService: migrate, load the clock, build the app, listen. Used by main.ts and the embedded stack.
import { fileURLToPath } from "node:url";
import type { DatabaseHandle } from "@inps-sim/db";
import { listen, prepareService, type Logger, type RunningService } from "@inps-sim/service-kit";
import { createArgon2Hasher, cryptoRandom } from "@inps-sim/crypto";
import { resolvePolicyProfile } from "@inps-sim/domain";
import { createIdentityApp } from "./app.ts";
import { createOutboxDispatcher } from "./outbox/dispatcher.ts";
import { createGateways } from "./outbox/gateways.ts";
import { createSealer, outboxKey } from "./outbox/sealing.ts";
import type { IdentityConfig } from "./config.ts";
import { simClock } from "./db/schema.ts";
import { createStackControl } from "./stack-control.ts";

export const identityMigrations = { schema: "identity", folder: fileURLToPath(new URL("../drizzle", import.meta.url)) };

export async function startIdentityService(options: {
  handle: DatabaseHandle;
  config: IdentityConfig;
  logger: Logger;
  simStart?: Date | undefined;
}): Promise<RunningService> {
  const { handle, config, logger } = options;
  const clock = await prepareService({ handle, migrations: identityMigrations, clockTable: simClock, start: options.simStart, logger });
  let port = config.IDENTITY_PORT;
  const stack = createStackControl({
    gateways: [
      { name: "sms", url: config.SMS_URL },
      { name: "mail", url: config.MAIL_URL },
      { name: "postal", url: config.POSTAL_URL },
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
    ports: () => ({ http: port }),
    policy: resolvePolicyProfile(config.POLICY_PROFILE),
    hasher: createArgon2Hasher(config.HASH_PROFILE),
    random: cryptoRandom,
    delivery: { profile: config.DELIVERY_PROFILE, channel: config.FIRST_HALF_CHANNEL },
    sealer,
    outbox,
    operatorTokens: config.OPERATOR_TOKENS,
    recoveryContacts: config.RECOVERY_CONTACTS,
    publicUrl: () => config.PUBLIC_URL ?? `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${port}`,
  });
  const server = await listen(app, { port: config.IDENTITY_PORT, hostname: config.HOST });
  port = server.port;
  outbox.start(config.OUTBOX_POLL_MS);
  return {
    name: "identity",
    urls: { http: server.url },
    ports: { http: server.port },
    close: async () => {
      await server.close();
      await outbox.stop();
      gateways.close();
    },
  };
}
