// startStack: the four services in one process, one database, each on its own port, wired as under compose.
import type { DatabaseHandle } from "@inps-sim/db";
import {
  identityMigrations,
  identityTables,
  readIdentityConfig,
  startIdentityService,
} from "@inps-sim/identity";
import { readMailConfig, startMailService } from "@inps-sim/mail-gateway";
import { readPortalConfig, startPortal } from "@inps-sim/portal";
import { readPostalConfig, startPostalService } from "@inps-sim/postal-gateway";
import {
  createLogger,
  generateAdminToken,
  prepareService,
  type Logger,
  type RunningService,
} from "@inps-sim/service-kit";
import { readSmsConfig, startSmsService } from "@inps-sim/sms-gateway";
import { openStackDatabase, stackTemplate } from "./stack-database.ts";

/** The operator id of the generated token: the timeline records it. */
export const GENERATED_OPERATOR = "contact-centre";

export { stackTemplate };

export interface StackOptions {
  /** Environment the services read their settings from (ports, seeds, profiles); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** postgres:// URL; unset: PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; unset: in memory (what the test harness uses). */
  dataDir?: string | undefined;
  /**
   * The database, already opening (see openStackDatabase), so that PGlite starts while this module loads; unset:
   * opened here from databaseUrl and dataDir.
   */
  database?: Promise<DatabaseHandle> | undefined;
  adminToken?: string | undefined;
  simStart?: Date | undefined;
  /** Every service on a free port (tests run one stack per worker). */
  freePorts?: boolean;
  logLevel?: string | undefined;
  /** Where every service logs; defaults to stdout. */
  logDestination?: NodeJS.WritableStream | undefined;
}

export interface RunningStack {
  adminToken: string;
  /** The contact-centre operator's token the stack generated because OPERATOR_TOKENS was unset. */
  operatorToken?: string | undefined;
  database: { kind: string; location: string };
  services: { identity: RunningService; sms: RunningService; mail: RunningService; postal: RunningService };
  /** The citizen's pages; it keeps no data of its own, so it is not among the services above. */
  portal: RunningService;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const env = { ...(options.env ?? process.env) };
  if (options.freePorts) {
    for (const k of [
      "IDENTITY_PORT",
      "SMS_PORT",
      "SMTP_PORT",
      "MAIL_HTTP_PORT",
      "POSTAL_PORT",
      "PORTAL_PORT",
    ])
      env[k] = "0";
  }
  const adminToken = options.adminToken ?? env.SIM_ADMIN_TOKEN ?? generateAdminToken();
  env.SIM_ADMIN_TOKEN = adminToken;
  // Without OPERATOR_TOKENS the contact-centre API would refuse everyone: one operator is made, as the admin token is.
  const operatorToken = env.OPERATOR_TOKENS ? undefined : generateAdminToken().replace(/^sim_/, "op_");
  if (operatorToken) env.OPERATOR_TOKENS = `${GENERATED_OPERATOR}:${operatorToken}`;
  const loggerFor = (service: string): Logger =>
    createLogger({ service, level: options.logLevel ?? env.LOG_LEVEL, destination: options.logDestination });
  const handle = await (options.database ??
    openStackDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }));

  const started: RunningService[] = [];
  try {
    // One simulated clock for the services of this process (kept in the identity service's table): a move is seen by
    // all at once, and the identity service forwards none over HTTP (under compose each service keeps its own, and the
    // identity service's moves reach them through their control planes).
    const clock = await prepareService({
      handle,
      migrations: identityMigrations,
      clockTable: identityTables.simClock,
      start: options.simStart,
    });
    const shared = { handle, simStart: options.simStart, clock };
    // Gateways first: the identity service is told where they actually listen (ports may be 0).
    const [sms, mail, postal] = await Promise.all([
      startSmsService({ ...shared, config: readSmsConfig(env), logger: loggerFor("sms-gateway") }),
      startMailService({ ...shared, config: readMailConfig(env), logger: loggerFor("mail-gateway") }),
      startPostalService({ ...shared, config: readPostalConfig(env), logger: loggerFor("postal-gateway") }),
    ]);
    started.push(sms, mail, postal);
    // What GET /__sim/stack tells beyond the gateways: the portal's URL once it runs, the generated operator token.
    const announce: { operatorToken?: string | undefined; portalUrl?: string | undefined } = {
      operatorToken,
    };
    const identityEnv = {
      ...env,
      SMS_URL: sms.urls.http,
      MAIL_URL: mail.urls.http,
      SMTP_PORT: String(mail.ports.smtp ?? env.SMTP_PORT ?? 1025),
      POSTAL_URL: postal.urls.http,
    };
    const identity = await startIdentityService({
      ...shared,
      config: readIdentityConfig(identityEnv),
      logger: loggerFor("identity"),
      announce,
      gatewaysShareClock: true,
    });
    started.push(identity);
    const portal = await startPortal({
      config: readPortalConfig({ ...env, IDENTITY_URL: identity.urls.http }),
      logger: loggerFor("portal"),
    });
    started.push(portal);
    announce.portalUrl = portal.urls.http;
    return {
      adminToken,
      operatorToken,
      database: { kind: handle.kind, location: handle.location },
      services: { identity, sms, mail, postal },
      portal,
      close: () => closeAll(started, handle),
    };
  } catch (error) {
    await closeAll(started, handle);
    throw error;
  }
}

async function closeAll(services: RunningService[], handle: DatabaseHandle): Promise<void> {
  // Identity first, so nothing is sent to a gateway that is already gone.
  for (const s of [...services].reverse()) await s.close().catch(() => undefined);
  await handle.close();
}
