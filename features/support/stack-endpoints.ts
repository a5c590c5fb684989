// Where the stack under test is: an embedded one started by this worker, or one already running (STACK_URL).
import { startStack, type RunningStack } from "@inps-sim/stack";
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface StackEndpoints {
  identityUrl: string;
  smsUrl: string;
  mailUrl: string;
  smtpHost: string;
  smtpPort: number;
  postalUrl: string;
  adminToken: string;
  /** A contact-centre operator's token (OPERATOR_TOKENS on the stack). */
  operatorToken: string;
  /** Embedded stack only: where its services log. */
  logFile?: string;
  /** Set only for an embedded stack: stops it. */
  close?: () => Promise<void>;
}

export function externalEndpoints(env: Record<string, string | undefined>): StackEndpoints | undefined {
  const identityUrl = env.STACK_URL;
  if (!identityUrl) return undefined;
  const host = new URL(identityUrl).hostname;
  const missing = ["SIM_ADMIN_TOKEN"].filter((k) => !env[k]);
  if (missing.length) {
    throw new Error(`STACK_URL is set, so the suite runs against a running stack: also set ${missing.join(", ")}`);
  }
  return {
    identityUrl: identityUrl.replace(/\/$/, ""),
    smsUrl: env.SMS_URL ?? `http://${host}:4010`,
    mailUrl: env.MAIL_URL ?? `http://${host}:8025`,
    smtpHost: env.SMTP_HOST ?? host,
    smtpPort: Number(env.SMTP_PORT ?? 1025),
    postalUrl: env.POSTAL_URL ?? `http://${host}:4030`,
    adminToken: env.SIM_ADMIN_TOKEN!,
    // OPERATOR_TOKEN, or the first pair of the OPERATOR_TOKENS the running stack was given.
    operatorToken: env.OPERATOR_TOKEN ?? env.OPERATOR_TOKENS?.split(",")[0]?.split(":")[1] ?? "",
  };
}

export async function embeddedEndpoints(): Promise<StackEndpoints> {
  // On PostgreSQL each worker gets a database of its own, as it gets a stack (and a clock) of its own.
  const database = process.env.DATABASE_URL ? await createWorkerDatabase(process.env.DATABASE_URL) : undefined;
  const operatorToken = `op_${randomBytes(12).toString("hex")}`;
  // The stack's own log goes to a file per worker, out of Cucumber's output, for a look after a failure.
  const reports = join(dirname(fileURLToPath(import.meta.url)), "..", "reports");
  mkdirSync(reports, { recursive: true });
  const logFile = join(reports, `stack-worker-${process.env.CUCUMBER_WORKER_ID ?? "0"}.log`);
  const logDestination = createWriteStream(logFile, { flags: "w" });
  const stack: RunningStack = await startStack({
    freePorts: true,
    databaseUrl: database?.url,
    logLevel: process.env.LOG_LEVEL ?? "info",
    logDestination,
    // A fixed start makes calendar-dependent scenarios (working days, holidays) repeat exactly.
    simStart: new Date(process.env.SIM_START ?? "2026-01-12T09:00:00Z"),
    env: { ...process.env, HASH_PROFILE: process.env.HASH_PROFILE ?? "fast", OPERATOR_TOKENS: `contact-centre:${operatorToken}` },
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

async function createWorkerDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(baseUrl);
  const name = `${base.pathname.slice(1) || "inps_sim"}_w${process.env.CUCUMBER_WORKER_ID ?? "0"}_${process.pid}`;
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
