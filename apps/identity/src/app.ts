// createIdentityApp: the identity service's HTTP surface, built from its dependencies.
import { truncateSchema, type Database, type DatabaseKind } from "@inps-sim/db";
import {
  DEFAULT_RECOVERY_CONTACTS,
  RECOVERY_CONTACT_PROFILES,
  type Policy,
  type RandomSource,
  type RecoveryContactsProfile,
} from "@inps-sim/domain";
import {
  createServiceApp,
  createSimControl,
  mountApiDocs,
  mountHealth,
  readJson,
  type Logger,
  type StackClock,
} from "@inps-sim/service-kit";
import { z } from "zod";
import { activationRouter } from "./activation/activation.index.ts";
import { createSerialWork } from "./background/serial-work.ts";
import type { DeliveryProfile, DigitalChannel, IdentityContext, IdentityHasher } from "./context.ts";
import { expireDueInitialPins } from "./credentials/expiry-sweep.ts";
import { dispositivoRouter } from "./dispositivo/dispositivo.index.ts";
import { generatedPinRouter } from "./generated-pin/generated-pin.index.ts";
import { ADMIN, BEARER, OPERATOR } from "./http/schemas.ts";
import { contactsRouter } from "./contacts/contacts.index.ts";
import { meRouter } from "./me/me.index.ts";
import { operatorRouter } from "./operator/operator.index.ts";
import type { OutboxDispatcher } from "./outbox/dispatcher.ts";
import type { Sealer } from "./outbox/sealing.ts";
import { pinChangesRouter } from "./pin-changes/pin-changes.index.ts";
import { pinRequestsRouter } from "./pin-requests/pin-requests.index.ts";
import { recoveriesRouter } from "./recoveries/recoveries.index.ts";
import { revocationsRouter } from "./revocations/revocations.index.ts";
import { servicesRouter } from "./services/services.index.ts";
import { sessionsRouter } from "./sessions/sessions.index.ts";
import { createSpidKeys, type SpidKeys } from "./spid/idp-keys.ts";
import { spidIdpRouter, spidSessionsRouter } from "./spid/spid.index.ts";
import { simCitizenEventsHandler, simCitizensHandler } from "./sim/sim-citizens.ts";
import { drainOutboxHandler, listOutboxHandler } from "./sim/sim-outbox.ts";
import { stackDirectoryHandler, type StackDirectory } from "./sim/sim-stack.ts";
import type { StackControl } from "./stack-control.ts";

export interface IdentityAppDeps {
  db: Database;
  database: { kind: DatabaseKind; location: string };
  clock: StackClock;
  logger: Logger;
  /** Forwards clock moves and resets to the gateways. */
  stack: StackControl;
  /** Unset: the control plane is not mounted (SIM_CONTROL=off). */
  adminToken?: string | undefined;
  ports?: () => Record<string, number>;
  policy: Policy;
  hasher: IdentityHasher;
  random: RandomSource;
  delivery: { profile: DeliveryProfile; channel: DigitalChannel };
  sealer: Sealer;
  outbox: OutboxDispatcher;
  operatorTokens: { operatorId: string; token: string }[];
  /** Where the gateways are, for GET /__sim/stack (not mounted without it). */
  directory?: StackDirectory;
  /** SIM_SEED (default "inps-sim"): the simulated documents depend on it. */
  simSeed?: string;
  /** Which contacts a recovery must name (RECOVERY_CONTACTS); mobile-and-email when unset. */
  recoveryContacts?: RecoveryContactsProfile;
  /** The public base URL for recovery links; unset: http://127.0.0.1:<the http port>. */
  publicUrl?: () => string;
  /** Longest wall-clock wait for the outbox after a clock move (a hanging gateway must not hang the clock). */
  drainOnClockMoveMs?: number;
  /** The test SPID identity provider's key; unset: a new one, made now (R33). */
  spidKeys?: SpidKeys;
}

export function createIdentityApp(deps: IdentityAppDeps) {
  const app = createServiceApp({ logger: deps.logger });
  const ctx: IdentityContext = {
    db: deps.db,
    clock: deps.clock,
    policy: deps.policy,
    hasher: deps.hasher,
    random: deps.random,
    delivery: deps.delivery,
    sealer: deps.sealer,
    kickOutbox: () => deps.outbox.kick(),
    logger: deps.logger,
    operatorTokens: deps.operatorTokens,
    simSeed: deps.simSeed ?? "inps-sim",
    recovery: { contacts: deps.recoveryContacts ?? DEFAULT_RECOVERY_CONTACTS },
    publicUrl: deps.publicUrl ?? (() => `http://127.0.0.1:${deps.ports?.().http ?? 4000}`),
    background: createSerialWork(deps.logger),
    spidKeys: deps.spidKeys ?? createSpidKeys(),
  };
  const configuredRecoveryContacts = ctx.recovery.contacts;
  mountHealth(app, {
    service: "identity",
    ports: deps.ports ?? (() => ({})),
    database: () => deps.database,
    clock: deps.clock,
  });

  app.route("/api/v1", pinRequestsRouter(ctx));
  app.route("/api/v1", activationRouter(ctx));
  app.route("/api/v1", sessionsRouter(ctx));
  app.route("/api/v1", meRouter(ctx));
  app.route("/api/v1", pinChangesRouter(ctx));
  app.route("/api/v1", recoveriesRouter(ctx));
  app.route("/api/v1", generatedPinRouter(ctx));
  app.route("/api/v1", operatorRouter(ctx));
  app.route("/api/v1", servicesRouter(ctx));
  app.route("/api/v1", revocationsRouter(ctx));
  app.route("/api/v1", contactsRouter(ctx));
  app.route("/api/v1", dispositivoRouter(ctx));
  app.route("/api/v1", spidSessionsRouter(ctx));
  // The identity provider logs anyone in as whichever citizen: it asks for the control plane's token, and without a
  // control plane (SIM_CONTROL=off) it issues nothing.
  app.route("/", spidIdpRouter(ctx, deps.adminToken));

  app.openAPIRegistry.registerComponent("securitySchemes", BEARER, {
    type: "http",
    scheme: "bearer",
    description: "The token of POST /api/v1/sessions",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", OPERATOR, {
    type: "http",
    scheme: "bearer",
    description: "An operator token from OPERATOR_TOKENS (contact centre, INPS office)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", ADMIN, {
    type: "http",
    scheme: "bearer",
    description: "SIM_ADMIN_TOKEN, the control plane's token (the test SPID identity provider asks for it)",
  });
  mountApiDocs(app, {
    title: "INPS PIN simulator: identity service",
    description:
      "The citizen's and the operator's API of the INPS online PIN, as the simulator offers it. Errors are " +
      "application/problem+json with a stable `code`. Times come from the simulated clock. The control plane " +
      "(/__sim/*) is described in docs/identity-service.md.",
    tags: [
      { name: "Citizen", description: "Request, activation, login, change, recovery (rules R01–R21, R34)" },
      { name: "Operator", description: "Contact centre 803 164 and INPS offices" },
      { name: "Citizen services", description: "Consultation documents and applications (R27, R32)" },
      { name: "PIN dispositivo", description: "Converting an ordinary PIN (R28–R31)" },
      {
        name: "SPID",
        description:
          "The test identity provider at /spid and the login with its assertion (R33, R35); no SAML",
      },
    ],
  });

  if (deps.adminToken) {
    const drainBudget = deps.drainOnClockMoveMs ?? 3000;
    app.route(
      "/__sim",
      createSimControl({
        token: deps.adminToken,
        clock: deps.clock,
        onClockMoved: async (now) => {
          await deps.stack.syncClocks(now);
          await ctx.background.idle();
          await expireDueInitialPins(deps.db, now);
          // Messages whose retry fell due in the jump go now; a hanging gateway only bounds the wait.
          await Promise.race([
            deps.outbox.drain(),
            new Promise((resolve) => setTimeout(resolve, drainBudget).unref()),
          ]);
        },
        reset: async () => {
          await ctx.background.idle();
          ctx.recovery.contacts = configuredRecoveryContacts;
          await truncateSchema(deps.db, "identity");
          await deps.stack.reset();
        },
        extend: (sim) => {
          sim.post("/citizens", simCitizensHandler(ctx));
          sim.get("/citizens/:fiscalCode/events", simCitizenEventsHandler(ctx));
          sim.get("/outbox", listOutboxHandler(deps.db));
          sim.post(
            "/outbox/drain",
            drainOutboxHandler(deps.outbox, () => ctx.background.idle()),
          );
          // R15's two profiles on one running stack: a scenario switches the profile, and /__sim/reset restores it.
          sim.get("/recovery-contacts", (c) => c.json({ profile: ctx.recovery.contacts }));
          sim.put("/recovery-contacts", async (c) => {
            const body = await readJson(
              c.req,
              z.object({ profile: z.enum(RECOVERY_CONTACT_PROFILES) }).strict(),
            );
            ctx.recovery.contacts = body.profile;
            return c.json({ profile: ctx.recovery.contacts });
          });
          if (deps.directory) sim.get("/stack", stackDirectoryHandler(deps.directory));
        },
      }),
    );
  }
  return app;
}

export type IdentityApp = ReturnType<typeof createIdentityApp>;
