// Typed client of the mail gateway: sends over SMTP (nodemailer) as the identity service does, and reads the
// mailbox through Mailpit's API, typed from the gateway's /openapi.json (which keeps Mailpit's shapes), so a suite
// reads mail the same way from our gateway or a real Mailpit.
import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/mail.ts";
import { failureOf, GatewayClientError } from "./json-api.ts";
import { findSecret } from "./sms.ts";

export interface MailClientOptions {
  /** The gateway's (or Mailpit's) HTTP base URL, e.g. http://127.0.0.1:8025. */
  apiUrl: string;
  smtpHost?: string;
  smtpPort?: number;
  /** Sender used when a message gives none. */
  defaultFrom?: string;
  /** Milliseconds to wait for the SMTP server to connect and answer; an outage surfaces quickly. */
  smtpTimeoutMs?: number;
}

export interface MailAttachmentInput {
  filename: string;
  content: string | Uint8Array;
  contentType?: string;
}

export interface SendMailInput {
  from?: string;
  to: string | string[];
  cc?: string | string[];
  bcc?: string | string[];
  replyTo?: string;
  subject: string;
  /** Every email carries a text/plain part with its secrets (docs/contract.md). */
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachmentInput[];
  /** A Message-ID with or without angle brackets; one is generated when omitted. */
  messageId?: string;
}

export interface SentMail {
  /** The Message-ID, with angle brackets, as it appears in the header. */
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. "250 Ok: queued as …". */
  response: string;
}

/** Why a message could not be sent: the SMTP reply (e.g. 451 at RCPT) or a connection failure. */
export class MailSendError extends Error {
  constructor(
    message: string,
    /** The SMTP reply code, when the server answered (e.g. 451, 550, 552). */
    readonly responseCode: number | undefined,
    /** The command that failed: "MAIL FROM", "RCPT TO", "DATA", "CONN", … */
    readonly command: string | undefined,
    /** True for a 4xx reply or a connection failure: a later retry may succeed. */
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MailSendError";
  }
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

type Schemas = components["schemas"];

/** One message as Mailpit's API gives it (GET /api/v1/message/{ID}). */
export type MailMessage = Schemas["Message"];
export type MailMessageSummary = Schemas["MessageSummary"];
/** A page of the mailbox or of a search. */
export type MailMessagesSummary = Schemas["MessagesSummary"];

/** An answer of the mail API that is not a success: the HTTP status and Mailpit's plain-text reason. */
export class MailClientError extends GatewayClientError {
  override readonly name = "MailClientError";
}

export interface MailClient {
  send(input: SendMailInput): Promise<SentMail>;
  list(start?: number, limit?: number): Promise<MailMessagesSummary>;
  search(query: string, page?: { start?: number; limit?: number }): Promise<MailMessagesSummary>;
  /** The full message (and Mailpit marks it read); "latest" by default. */
  message(id?: string): Promise<MailMessage>;
  /** Waits until a message matches the Mailpit search `query`, then returns the newest match. */
  waitForMessage(query: string, options?: WaitOptions): Promise<MailMessage>;
  /** Waits for a message matching `query` and returns the value after `label` in its text (or HTML). */
  waitForSecret(query: string, label: string, options?: WaitOptions): Promise<string>;
  /**
   * The value after `label` in a message: in its own text (or HTML), or else, for a PEC transport envelope, in the
   * original it carries as postacert.eml (the envelope's own text is the provider's notice).
   */
  secretIn(message: MailMessage, label: string): Promise<string | undefined>;
  headers(id?: string): Promise<Record<string, string[]>>;
  source(id?: string): Promise<string>;
  deleteAll(): Promise<void>;
  deleteMatching(query: string): Promise<void>;
  /** Closes the SMTP connection pool. */
  close(): void;
}

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function domainOf(address: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(address);
  return m?.[1] ?? "localhost";
}

/** `<uuid@sender-domain>`: a globally unique Message-ID, as RFC 5322 asks. */
export function newMessageId(from: string): string {
  return `<${randomUUID()}@${domainOf(from)}>`;
}

function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ");
}

/** The secret after `label` in a message read through Mailpit's API: its text part, or else its HTML. */
export function findMailSecret(message: { Text: string; HTML: string }, label: string): string | undefined {
  return findSecret(message.Text, label) ?? findSecret(htmlText(message.HTML), label);
}

function toSendError(error: unknown): MailSendError {
  const e = (error ?? {}) as {
    message?: string;
    responseCode?: number;
    command?: string;
    code?: string;
    response?: string;
  };
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const transient = code === undefined ? true : code >= 400 && code < 500;
  const what = code ? `${e.command ?? "SMTP"} answered ${code}` : `SMTP ${e.code ?? "error"}`;
  return new MailSendError(
    `${what}: ${e.response ?? e.message ?? "send failed"}`,
    code,
    e.command,
    transient,
    { cause: error },
  );
}

export function createMailClient(options: MailClientOptions): MailClient {
  const api = createClient<paths>({ baseUrl: options.apiUrl.replace(/\/+$/, "") });
  const fail = (method: string, path: string, error: unknown, res: Response) => {
    const f = failureOf(res, error, method, path);
    return new MailClientError(f.status, f.code, f.problem, f.message);
  };
  const timeout = options.smtpTimeoutMs ?? 5000;
  // nodemailer (~430 KB of code) is loaded by the first message sent, not by every process that makes a client.
  let transport: Promise<Transporter> | null = null;
  const smtp = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: options.smtpHost ?? "127.0.0.1",
        port: options.smtpPort ?? 1025,
        secure: false,
        ignoreTLS: true,
        pool: true,
        maxConnections: 5,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout * 3,
      }),
    ));

  const search = async (query: string, page: { start?: number; limit?: number } = {}) => {
    const { data, error, response } = await api.GET("/api/v1/search", {
      params: { query: { query, ...page } },
    });
    if (!data) throw fail("GET", "/api/v1/search", error, response);
    return data;
  };

  const message = async (id = "latest") => {
    const { data, error, response } = await api.GET("/api/v1/message/{ID}", { params: { path: { ID: id } } });
    if (!data) throw fail("GET", `/api/v1/message/${id}`, error, response);
    return data;
  };

  const waitForMessage = async (query: string, wait: WaitOptions = {}) => {
    const deadline = performance.now() + (wait.timeoutMs ?? 5000);
    for (;;) {
      const newest = (await search(query)).messages[0];
      if (newest) return message(newest.ID);
      if (performance.now() >= deadline)
        throw new Error(`Timeout waiting for messages matching query "${query}"`);
      await new Promise((resolve) => setTimeout(resolve, wait.intervalMs ?? 100));
    }
  };

  const secretIn = async (found: MailMessage, label: string): Promise<string | undefined> => {
    const own = findMailSecret(found, label);
    if (own !== undefined) return own;
    // A real Mailpit writes Go's nil slice as null (or a stand-in leaves the field out).
    const attachments: MailMessage["Attachments"] | null | undefined = found.Attachments;
    const original = (attachments ?? []).find((a) => a.FileName === "postacert.eml");
    if (!original) return undefined;
    const { data, error, response } = await api.GET("/api/v1/message/{ID}/part/{PartID}", {
      params: { path: { ID: found.ID, PartID: original.PartID } },
      parseAs: "arrayBuffer",
    });
    if (!data) throw fail("GET", `/api/v1/message/${found.ID}/part/${original.PartID}`, error, response);
    // mailparser loads here, with the first PEC envelope read: the identity service, which sends mail through
    // this client, never pays for it.
    const { simpleParser } = await import("mailparser");
    const inner = await simpleParser(Buffer.from(data));
    return findMailSecret(
      { Text: inner.text ?? "", HTML: typeof inner.html === "string" ? inner.html : "" },
      label,
    );
  };

  return {
    async send(input) {
      const from = input.from ?? options.defaultFrom ?? "noreply@inps.it";
      const messageId = input.messageId
        ? input.messageId.startsWith("<")
          ? input.messageId
          : `<${input.messageId}>`
        : newMessageId(from);
      try {
        const info = (await (
          await smtp()
        ).sendMail({
          from,
          to: list(input.to),
          cc: list(input.cc),
          bcc: list(input.bcc),
          replyTo: input.replyTo,
          subject: input.subject,
          text: input.text,
          html: input.html,
          headers: input.headers,
          messageId,
          attachments: input.attachments?.map((a) => ({
            filename: a.filename,
            content: typeof a.content === "string" ? a.content : Buffer.from(a.content),
            contentType: a.contentType,
          })),
        })) as { messageId: string; accepted: unknown[]; rejected: unknown[]; response: string };
        return {
          messageId: info.messageId,
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          response: info.response,
        };
      } catch (error) {
        throw toSendError(error);
      }
    },
    async list(start = 0, limit = 50) {
      const { data, error, response } = await api.GET("/api/v1/messages", {
        params: { query: { start, limit } },
      });
      if (!data) throw fail("GET", "/api/v1/messages", error, response);
      return data;
    },
    search,
    message,
    waitForMessage,
    secretIn,
    async waitForSecret(query, label, wait) {
      const found = await waitForMessage(query, wait);
      const value = await secretIn(found, label);
      if (value === undefined) throw new Error(`the newest message matching "${query}" has no "${label}: …"`);
      return value;
    },
    async headers(id = "latest") {
      const { data, error, response } = await api.GET("/api/v1/message/{ID}/headers", {
        params: { path: { ID: id } },
      });
      if (!data) throw fail("GET", `/api/v1/message/${id}/headers`, error, response);
      return data;
    },
    async source(id = "latest") {
      const { data, error, response } = await api.GET("/api/v1/message/{ID}/raw", {
        params: { path: { ID: id } },
        parseAs: "text",
      });
      if (data === undefined) throw fail("GET", `/api/v1/message/${id}/raw`, error, response);
      return data;
    },
    async deleteAll() {
      const { error, response } = await api.DELETE("/api/v1/messages", { parseAs: "text" });
      if (!response.ok) throw fail("DELETE", "/api/v1/messages", error, response);
    },
    async deleteMatching(query) {
      const { error, response } = await api.DELETE("/api/v1/search", {
        params: { query: { query } },
        parseAs: "text",
      });
      if (!response.ok) throw fail("DELETE", "/api/v1/search", error, response);
    },
    close() {
      void transport?.then(
        (t) => t.close(),
        () => undefined,
      );
      transport = null;
    },
  };
}
