// Test support: one database per test file (PGlite in memory, or a fresh PostgreSQL database when DATABASE_URL
// is set), and the mail service started on free ports.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import { openDatabase, type DatabaseHandle } from "@inps-sim/db";
import { createLogger } from "@inps-sim/service-kit";
import { sql } from "drizzle-orm";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { readMailConfig } from "../src/config.ts";
import { startMailService, type RunningMailService } from "../src/start.ts";

export const TOKEN = "test-admin-token-123";
export const auth = { authorization: `Bearer ${TOKEN}` };

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase();
  const name = `mail_test_${randomBytes(6).toString("hex")}`;
  const admin = await openDatabase({ url, maxConnections: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  await admin.close();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ url: target.toString(), maxConnections: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const again = await openDatabase({ url, maxConnections: 1 });
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    },
  };
}

export interface TestService {
  service: RunningMailService;
  handle: DatabaseHandle;
  api: string;
  smtpPort: number;
  /** Sends one message over SMTP with nodemailer. */
  send(message: SendMailOptions): Promise<{ messageId: string; response: string }>;
  http(path: string, init?: RequestInit): Promise<Response>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const handle = await openTestDatabase();
  const config = readMailConfig({
    MAIL_HTTP_PORT: "0",
    SMTP_PORT: "0",
    SIM_ADMIN_TOKEN: TOKEN,
    SIM_SEED: "mail-tests",
    ...env,
  });
  const service = await startMailService({
    handle,
    config,
    logger: createLogger({ service: "mail-gateway", level: "silent" }),
    simStart: new Date("2026-03-02T09:00:00Z"),
  });
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: service.ports.smtp!,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 4,
  });
  const api = service.urls.http!;
  return {
    service,
    handle,
    api,
    smtpPort: service.ports.smtp!,
    send: async (message) => {
      const info = (await transport.sendMail(message)) as { messageId: string; response: string };
      return { messageId: info.messageId, response: info.response };
    },
    http: (path, init) => fetch(api + path, init),
    reset: async () => {
      const res = await fetch(`${api}/__sim/reset`, { method: "POST", headers: auth });
      if (res.status !== 204) throw new Error(`reset failed: ${res.status}`);
    },
    close: async () => {
      transport.close();
      await service.close();
      await handle.close();
    },
  };
}

/** A well-formed raw message, for tests that ingest without SMTP. */
export function rawMessage(
  fields: { from?: string; to?: string; subject?: string; body?: string; headers?: string[] } = {},
): Buffer {
  const lines = [
    `From: ${fields.from ?? "INPS <noreply@inps.it>"}`,
    `To: ${fields.to ?? "mario.rossi@example.it"}`,
    `Subject: ${fields.subject ?? "Prova"}`,
    `Message-ID: <${randomBytes(8).toString("hex")}@inps.it>`,
    `Date: Mon, 02 Mar 2026 10:00:00 +0100`,
    ...(fields.headers ?? []),
    `Content-Type: text/plain; charset=utf-8`,
    ``,
    fields.body ?? "Corpo del messaggio",
  ];
  return Buffer.from(lines.join("\r\n") + "\r\n");
}

/** A plain SMTP connection: writes lines, collects reply lines. */
export class Wire {
  readonly #socket: Socket;
  #text = "";
  #closed = false;
  constructor(port: number) {
    this.#socket = connect({ host: "127.0.0.1", port });
    this.#socket.on("data", (chunk: Buffer) => (this.#text += chunk.toString("latin1")));
    this.#socket.on("close", () => (this.#closed = true));
    this.#socket.on("error", () => (this.#closed = true));
  }
  get closed(): boolean {
    return this.#closed;
  }
  write(text: string): void {
    this.#socket.write(text);
  }
  /** Waits for `count` final reply lines (not "250-…") after those already taken, and returns every line. */
  async replies(count: number, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lines = this.#text.split("\r\n").filter(Boolean);
      if (lines.filter((l) => l[3] !== "-").length >= count || this.#closed) {
        this.#text = "";
        return lines;
      }
      if (Date.now() > deadline) throw new Error(`no reply; so far: ${JSON.stringify(lines)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  close(): void {
    this.#socket.destroy();
  }
}
