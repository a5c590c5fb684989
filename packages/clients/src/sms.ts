// Typed client of the SMS gateway (`/api/v1/messages`): the identity service sends with it, the
// Cucumber World reads a citizen's phone with it.

import createClient from "openapi-fetch";
import type { components, paths } from "./generated/sms.ts";
import { failureOf, GatewayClientError, type GatewayClientOptions } from "./json-api.ts";

type Schemas = components["schemas"];

export type SmsMessage = Schemas["SmsMessage"];
export type SmsStatus = SmsMessage["status"];
export type SendSmsInput = Schemas["SendSms"];

export interface SendSmsResult {
  id: string;
  status: "queued";
  /** True when the gateway answered a retry with the stored first answer. */
  replayed: boolean;
}

export interface ListSmsQuery {
  to?: string;
  /** ISO-8601 instant: only messages created at or after it. */
  since?: string | Date;
  limit?: number;
}

export interface RequestOptions {
  /** Sent as Idempotency-Key: a retry with the same key creates nothing new. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface WaitForSmsOptions extends ListSmsQuery {
  /** Only messages for which this returns true (e.g. `(m) => m.text.includes("PIN")`). */
  match?: (message: SmsMessage) => boolean;
  /** Also wait until the message has this status (e.g. "delivered"); any status when unset. */
  status?: SmsStatus;
  timeoutMs?: number;
  intervalMs?: number;
}

export type SmsClientOptions = GatewayClientOptions;

/** Any answer of the gateway that is not a success: the HTTP status and the problem's stable `code`. */
export class SmsClientError extends GatewayClientError {
  override readonly name = "SmsClientError";
}

export interface SmsClient {
  send(input: SendSmsInput, options?: RequestOptions): Promise<SendSmsResult>;
  list(query?: ListSmsQuery, options?: RequestOptions): Promise<SmsMessage[]>;
  get(id: string, options?: RequestOptions): Promise<SmsMessage>;
  /** Deletes every message, or only those sent to `to`. */
  clear(query?: { to?: string }, options?: RequestOptions): Promise<void>;
  /** Polls until a message matching the query appears (newest first); throws SmsClientError 408 on timeout. */
  waitForMessage(options: WaitForSmsOptions): Promise<SmsMessage>;
}

export function createSmsClient(options: SmsClientOptions): SmsClient {
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: options.headers,
  });
  const fail = (method: string, path: string, error: unknown, res: Response) => {
    const f = failureOf(res, error, method, path);
    return new SmsClientError(f.status, f.code, f.problem, f.message);
  };

  const client: SmsClient = {
    async send(input, opts = {}) {
      const { data, error, response } = await api.POST("/api/v1/messages", {
        body: input,
        params: {
          header: opts.idempotencyKey === undefined ? {} : { "idempotency-key": opts.idempotencyKey },
        },
        signal: opts.signal,
      });
      if (!data) throw fail("POST", "/api/v1/messages", error, response);
      return {
        id: data.id,
        status: data.status,
        replayed: response.headers.get("idempotent-replayed") === "true",
      };
    },
    async list(query = {}, opts = {}) {
      const since = query.since instanceof Date ? query.since.toISOString() : query.since;
      const { data, error, response } = await api.GET("/api/v1/messages", {
        params: { query: { to: query.to, since, limit: query.limit } },
        signal: opts.signal,
      });
      if (!data) throw fail("GET", "/api/v1/messages", error, response);
      return data.messages;
    },
    async get(id, opts = {}) {
      const { data, error, response } = await api.GET("/api/v1/messages/{id}", {
        params: { path: { id } },
        signal: opts.signal,
      });
      if (!data) throw fail("GET", `/api/v1/messages/${id}`, error, response);
      return data;
    },
    async clear(query = {}, opts = {}) {
      const { error, response } = await api.DELETE("/api/v1/messages", {
        params: { query: { to: query.to } },
        signal: opts.signal,
      });
      if (!response.ok) throw fail("DELETE", "/api/v1/messages", error, response);
    },
    async waitForMessage(wait) {
      const deadline = Date.now() + (wait.timeoutMs ?? 10_000);
      const interval = wait.intervalMs ?? 100;
      const { match, status, timeoutMs: _t, intervalMs: _i, ...query } = wait;
      for (;;) {
        const found = (await client.list(query)).find(
          (m) => (!match || match(m)) && (!status || m.status === status),
        );
        if (found) return found;
        if (Date.now() >= deadline) {
          throw new SmsClientError(
            408,
            "wait-timed-out",
            null,
            `no SMS matching ${JSON.stringify(query)} within ${wait.timeoutMs ?? 10_000} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },
  };
  return client;
}

/**
 * The value written after `label` in a message (`Prima parte del PIN: AB12CD34`), up to the next white
 * space, as docs/contract.md "What messages say" fixes it; undefined when the label is not there.
 */
export function findSecret(text: string, label: string): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const match = new RegExp(`${escaped}\\s*:\\s*(\\S+)`, "i").exec(text);
  return match?.[1];
}
