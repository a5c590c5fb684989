// Typed client of the SMS gateway (`/api/v1/messages`): the identity service sends with it, the
// Cucumber World reads a citizen's phone with it.

import { createRequester, GatewayClientError, type GatewayClientOptions } from "./json-api.ts";
export type SmsStatus = "queued" | "delivered" | "failed";

export interface SmsMessage {
  id: string;
  to: string;
  from: string;
  text: string;
  status: SmsStatus;
  createdAt: string;
  deliveredAt: string | null;
  failedAt: string | null;
  /** malformed-number | invalid-number | landline | not-a-mobile, when failed. */
  failureReason: string | null;
  failureDetail: string | null;
  encoding: "GSM-7" | "UCS-2";
  segments: number;
  statusCallback: string | null;
}

export interface SendSmsInput {
  /** E.164, e.g. +393331234567. */
  to: string;
  /** Alphanumeric sender (up to 11 characters) or a number; the gateway's default when omitted. */
  from?: string;
  text: string;
  /** An http(s) URL that receives a delivery report when the message is delivered or fails. */
  statusCallback?: string;
}

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
  const request = createRequester({
    ...options,
    toError: (f) => new SmsClientError(f.status, f.code, f.problem, f.message),
  });

  function listPath(query: ListSmsQuery = {}): string {
    const params = new URLSearchParams();
    if (query.to !== undefined) params.set("to", query.to);
    if (query.since !== undefined) params.set("since", query.since instanceof Date ? query.since.toISOString() : query.since);
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    const qs = params.toString();
    return `/api/v1/messages${qs ? `?${qs}` : ""}`;
  }

  const client: SmsClient = {
    async send(input, opts) {
      const res = await request("POST", "/api/v1/messages", input, opts);
      const answer = (await res.json()) as { id: string; status: "queued" };
      return { id: answer.id, status: answer.status, replayed: res.headers.get("idempotent-replayed") === "true" };
    },
    async list(query, opts) {
      const res = await request("GET", listPath(query), undefined, opts);
      return ((await res.json()) as { messages: SmsMessage[] }).messages;
    },
    async get(id, opts) {
      const res = await request("GET", `/api/v1/messages/${encodeURIComponent(id)}`, undefined, opts);
      return (await res.json()) as SmsMessage;
    },
    async clear(query = {}, opts) {
      const qs = query.to === undefined ? "" : `?${new URLSearchParams({ to: query.to }).toString()}`;
      await request("DELETE", `/api/v1/messages${qs}`, undefined, opts);
    },
    async waitForMessage(wait) {
      const deadline = Date.now() + (wait.timeoutMs ?? 10_000);
      const interval = wait.intervalMs ?? 100;
      const { match, status, timeoutMs: _t, intervalMs: _i, ...query } = wait;
      for (;;) {
        const found = (await client.list(query)).find((m) => (!match || match(m)) && (!status || m.status === status));
        if (found) return found;
        if (Date.now() >= deadline) {
          throw new SmsClientError(408, "wait-timed-out", null, `no SMS matching ${JSON.stringify(query)} within ${wait.timeoutMs ?? 10_000} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    },
  };
  return client;
}


/**
 * The value written after `label` in a message (`Prima parte del PIN: AB12CD34`), up to the next white
 * space, as CONTRACT.md "What messages say" fixes it; undefined when the label is not there.
 */
export function findSecret(text: string, label: string): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const match = new RegExp(`${escaped}\\s*:\\s*(\\S+)`, "i").exec(text);
  return match?.[1];
}
