// Where the stack under test is: an embedded one started by this worker, or one already running (STACK_URL).
import type { RunningStack } from "@inps-sim/stack";
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";

export interface StackEndpoints {
  identityUrl: string;
  smsUrl: string;
  mailUrl: string;
  smtpHost: string;
  smtpPort: number;
  postalUrl: string;
  adminToken: string;
  /** The citizen portal, where the browser driver acts (unset: a stack without one). */
  portalUrl?: string;
  /** A contact-centre operator's token (OPERATOR_TOKENS on the stack). */
  operatorToken: string;
  /** Where the stack's services log: an embedded stack's file, or STACK_LOG for a running one. */
  logFile?: string;
  /** Set only for an embedded stack: stops it. */
  close?: () => Promise<void>;
}

/** What GET /__sim/stack answers (docs/contract.md). */
interface StackDirectory {
  services: {
    identity: string;
    sms: string;
    mail: { http: string; smtp: string };
    postal: string;
    portal: string | null;
  };
  operatorToken?: string;
}

type Gateway = "sms" | "mail" | "postal";
const GATEWAYS: { key: Gateway; variable: string; health: string; name: string }[] = [
  { key: "sms", variable: "SMS_URL", health: "sms-gateway", name: "SMS gateway" },
  { key: "mail", variable: "MAIL_URL", health: "mail-gateway", name: "mail gateway (HTTP)" },
  { key: "postal", variable: "POSTAL_URL", health: "postal-gateway", name: "postal gateway" },
];

const trimmed = (url: string) => url.replace(/\/+$/, "");

async function discover(
  identityUrl: string,
  adminToken: string,
): Promise<{ directory?: StackDirectory; why?: string }> {
  try {
    const res = await fetch(`${identityUrl}/__sim/stack`, {
      headers: { authorization: `Bearer ${adminToken}` },
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status === 401)
      throw new Error(
        `${identityUrl}/__sim/stack refused SIM_ADMIN_TOKEN (401): it is not the token this stack printed`,
      );
    if (!res.ok) return { why: `GET ${identityUrl}/__sim/stack answered ${res.status}` };
    return { directory: (await res.json()) as StackDirectory };
  } catch (error) {
    if ((error as Error).message.includes("refused SIM_ADMIN_TOKEN")) throw error;
    throw new Error(
      `STACK_URL=${identityUrl} does not answer (${(error as Error).message}): is the stack running there?`,
    );
  }
}

/** Whether `url` is the gateway it should be: its /health names it (real Mailpit has none, but answers /api/v1/info). */
async function answersAs(url: string, gateway: (typeof GATEWAYS)[number]): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
    if (res.ok) {
      const { service } = (await res.json()) as { service?: string };
      return service === gateway.health
        ? undefined
        : `${url} is the ${service ?? "unknown service"}, not the ${gateway.name}`;
    }
    if (
      gateway.key === "mail" &&
      (await fetch(`${url}/api/v1/info`, { signal: AbortSignal.timeout(5_000) })).ok
    )
      return undefined;
    return `${url}/health answered ${res.status}`;
  } catch (error) {
    return `${url} does not answer (${(error as Error).message})`;
  }
}

/**
 * A running stack: STACK_URL and SIM_ADMIN_TOKEN are enough, the rest comes from GET /__sim/stack. A URL given as
 * well (SMS_URL, MAIL_URL, POSTAL_URL, SMTP_HOST/SMTP_PORT, OPERATOR_TOKEN) is used instead, and a disagreement is
 * said, never silently settled with a default port. STACK_LOG: the file the stack's output goes to (R14 reads it).
 */
export async function externalEndpoints(
  env: Record<string, string | undefined>,
): Promise<StackEndpoints | undefined> {
  if (!env.STACK_URL) return undefined;
  const identityUrl = trimmed(env.STACK_URL);
  const adminToken = env.SIM_ADMIN_TOKEN;
  if (!adminToken)
    throw new Error(
      "STACK_URL is set, so the suite runs against a running stack: also set SIM_ADMIN_TOKEN (the stack prints it)",
    );
  const { directory, why } = await discover(identityUrl, adminToken);
  const problems: string[] = [];
  const notes: string[] = [];
  const urls = {} as Record<Gateway, string>;
  for (const gateway of GATEWAYS) {
    const given = env[gateway.variable] ? trimmed(env[gateway.variable]!) : undefined;
    const found = directory
      ? trimmed(gateway.key === "mail" ? directory.services.mail.http : directory.services[gateway.key])
      : undefined;
    const url = given ?? found;
    if (!url) {
      problems.push(
        `where is the ${gateway.name}? ${why ?? "the stack did not say"}: set ${gateway.variable}`,
      );
      continue;
    }
    const wrong = await answersAs(url, gateway);
    if (wrong)
      problems.push(
        `${given ? `${gateway.variable}: ` : `the stack says the ${gateway.name} is at ${url}, but `}${wrong}`,
      );
    else if (given && found && given !== found)
      notes.push(
        `${gateway.variable}=${given}; the identity service reaches the ${gateway.name} at ${found}`,
      );
    urls[gateway.key] = url;
  }
  const smtp = directory ? new URL(directory.services.mail.smtp) : undefined;
  const smtpHost = env.SMTP_HOST ?? smtp?.hostname;
  const smtpPort = env.SMTP_PORT ?? smtp?.port;
  if (!smtpHost || !smtpPort)
    problems.push(
      `where is the mail gateway's SMTP server? ${why ?? "the stack did not say"}: set SMTP_HOST and SMTP_PORT`,
    );
  const operatorToken =
    env.OPERATOR_TOKEN ?? env.OPERATOR_TOKENS?.split(",")[0]?.split(":")[1] ?? directory?.operatorToken;
  if (!operatorToken)
    problems.push(
      "no operator token: the stack was given OPERATOR_TOKENS, so set OPERATOR_TOKEN to one of them",
    );
  if (problems.length)
    throw new Error(`The stack at ${identityUrl} cannot be used as it is:\n- ${problems.join("\n- ")}`);
  const portalUrl = env.PORTAL_URL ?? directory?.services.portal ?? undefined;
  // A URL given on purpose (a port published under another number) wins; the suite says what it chose.
  if (notes.length)
    process.stderr.write(
      `Using the URLs given, which differ from what the stack reports:\n- ${notes.join("\n- ")}\n`,
    );
  return {
    identityUrl,
    smsUrl: urls.sms,
    mailUrl: urls.mail,
    smtpHost: smtpHost!,
    smtpPort: Number(smtpPort),
    postalUrl: urls.postal,
    adminToken,
    operatorToken: operatorToken!,
    ...(portalUrl ? { portalUrl: trimmed(portalUrl) } : {}),
    ...(env.STACK_LOG ? { logFile: env.STACK_LOG } : {}),
  };
}

/**
 * startStack from the built bundle when it matches the sources (it loads in about a quarter of the CPU time the
 * TypeScript sources take through tsx, in every worker), else from the sources. Loaded only by a worker that starts
 * a stack: a dry run, and Cucumber's coordinating process, never load it.
 */
async function loadStartStack(): Promise<typeof import("@inps-sim/stack").startStack> {
  // What `npm start` does (apps/stack/bin/run.mjs): PGlite's start-up stays on V8's baseline WebAssembly code instead of
  // optimising code that runs once; set before PGlite's module is compiled, so once per worker process.
  setFlagsFromString("--wasm-tiering-budget=180000000");
  const { bundlePath, isFresh } = await import("@inps-sim/stack/bundle");
  const from = isFresh("start-stack") ? pathToFileURL(bundlePath("start-stack")).href : "@inps-sim/stack";
  return ((await import(from)) as typeof import("@inps-sim/stack")).startStack;
}

/** Where a worker's stack's clock starts: SIM_START, else 12 January 2026 (fixed, so calendar-dependent scenarios repeat). */
export const simStartOf = (env: Record<string, string | undefined> = process.env): Date =>
  new Date(env.SIM_START ?? "2026-01-12T09:00:00Z");

/**
 * `simStart`: where the stack's clock starts (default simStartOf()). `name`: tells this stack's log
 * file and database from the worker's own (a scenario with a stack of its own).
 */
export async function embeddedEndpoints(
  options: { simStart?: Date; name?: string } = {},
): Promise<StackEndpoints> {
  const startStack = await loadStartStack();
  // On PostgreSQL each worker gets a database of its own, as it gets a stack (and a clock) of its own.
  const database = process.env.DATABASE_URL
    ? await createWorkerDatabase(process.env.DATABASE_URL, options.name)
    : undefined;
  const operatorToken = `op_${randomBytes(12).toString("hex")}`;
  // The stack's own log goes to a file per worker, out of Cucumber's output, for a look after a failure.
  // In the project that runs Cucumber (its working directory), beside its other reports.
  const reports = join(process.cwd(), "reports");
  mkdirSync(reports, { recursive: true });
  const logFile = join(
    reports,
    `stack-worker-${process.env.CUCUMBER_WORKER_ID ?? "0"}${options.name ? `-${options.name}` : ""}.log`,
  );
  const logDestination = createWriteStream(logFile, { flags: "w" });
  const stack: RunningStack = await startStack({
    freePorts: true,
    databaseUrl: database?.url,
    logLevel: process.env.LOG_LEVEL ?? "info",
    logDestination,
    simStart: options.simStart ?? simStartOf(),
    env: {
      ...process.env,
      HASH_PROFILE: process.env.HASH_PROFILE ?? "fast",
      OPERATOR_TOKENS: `contact-centre:${operatorToken}`,
    },
  }).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  const { identity, sms, mail, postal } = stack.services;
  return {
    identityUrl: identity.urls.http!,
    smsUrl: sms.urls.http!,
    mailUrl: mail.urls.http!,
    smtpHost: "127.0.0.1",
    smtpPort: mail.ports.smtp ?? 0,
    postalUrl: postal.urls.http!,
    portalUrl: stack.portal.urls.http!,
    adminToken: stack.adminToken,
    operatorToken,
    logFile,
    close: async () => {
      await stack.close();
      await database?.drop();
      await new Promise((done) => logDestination.end(done));
    },
  };
}

async function createWorkerDatabase(
  baseUrl: string,
  suffix?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(baseUrl);
  const name = `${base.pathname.slice(1) || "inps_sim"}_w${process.env.CUCUMBER_WORKER_ID ?? "0"}_${process.pid}${suffix ? `_${suffix.replace(/\W/g, "_")}` : ""}`;
  // Created from the server's maintenance database: the one named in DATABASE_URL need not exist.
  const maintenance = new URL(baseUrl);
  maintenance.pathname = "/postgres";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}"`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}
