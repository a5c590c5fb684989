// startStack: the four services in one process, one database, each on its own port, wired as under compose.
import { join } from "node:path";
import { openDatabase, type DatabaseHandle } from "@inps-sim/db";
import { readIdentityConfig, startIdentityService } from "@inps-sim/identity";
import { readMailConfig, startMailService } from "@inps-sim/mail-gateway";
import { readPortalConfig, startPortal } from "@inps-sim/portal";
import { readPostalConfig, startPostalService } from "@inps-sim/postal-gateway";
import { createLogger, generateAdminToken, type Logger, type RunningService } from "@inps-sim/service-kit";
import { readSmsConfig, startSmsGateway } from "@inps-sim/sms-gateway";

export interface StackOptions {
  /** Environment the services read their settings from (ports, seeds, profiles); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** postgres:// URL; unset: PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; unset: in memory (what the test harness uses). */
  dataDir?: string | undefined;
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
  database: { kind: string; location: string };
  services: { identity: RunningService; sms: RunningService; mail: RunningService; postal: RunningService };
  /** The citizen's pages; it keeps no data of its own, so it is not among the services above. */
  portal: RunningService;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const env = { ...(options.env ?? process.env) };
  if (options.freePorts) {
    for (const k of ["IDENTITY_PORT", "SMS_PORT", "SMTP_PORT", "MAIL_HTTP_PORT", "POSTAL_PORT", "PORTAL_PORT"]) env[k] = "0";
  }
  const adminToken = options.adminToken ?? env.SIM_ADMIN_TOKEN ?? generateAdminToken();
  env.SIM_ADMIN_TOKEN = adminToken;
  const loggerFor = (service: string): Logger =>
    createLogger({ service, level: options.logLevel ?? env.LOG_LEVEL, destination: options.logDestination });
  const handle = await openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir ? join(options.dataDir, "pglite") : undefined,
  });

  const started: RunningService[] = [];
  try {
    const common = { handle, simStart: options.simStart };
    // Gateways first: the identity service is told where they actually listen (ports may be 0).
    const [sms, mail, postal] = await Promise.all([
      startSmsGateway({ ...common, config: readSmsConfig(env), logger: loggerFor("sms-gateway") }),
      startMailService({ ...common, config: readMailConfig(env), logger: loggerFor("mail-gateway") }),
      startPostalService({ ...common, config: readPostalConfig(env), logger: loggerFor("postal-gateway") }),
    ]);
    started.push(sms, mail, postal);
    const identityEnv = {
      ...env,
      SMS_URL: sms.urls.http,
      MAIL_URL: mail.urls.http,
      SMTP_PORT: String(mail.ports.smtp ?? env.SMTP_PORT ?? 1025),
      POSTAL_URL: postal.urls.http,
    };
    const identity = await startIdentityService({
      ...common,
      config: readIdentityConfig(identityEnv),
      logger: loggerFor("identity"),
    });
    started.push(identity);
    const portal = await startPortal({ config: readPortalConfig({ ...env, IDENTITY_URL: identity.urls.http }), logger: loggerFor("portal") });
    started.push(portal);
    return {
      adminToken,
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
