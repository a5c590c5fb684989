// Typed client of the postal gateway (`/api/v1/letters`): the identity service posts PIN halves with
// it, the Cucumber World opens a citizen's mailbox with it.

import createClient from "openapi-fetch";
import type { components, paths } from "./generated/postal.ts";
import { createRequester, failureOf, GatewayClientError, type GatewayClientOptions } from "./json-api.ts";

type Schemas = components["schemas"];

export type PostalAddress = Schemas["PostalAddress"];
export type LetterSummary = Schemas["LetterSummary"];
export type LetterEvent = Schemas["TrackingEvent"];
/** A letter and its tracking; its `body` is the text once delivered, null while it travels (and once it came back). */
export type Letter = Schemas["Letter"];
export type PostalService = LetterSummary["service"];
export type LetterStatus = LetterSummary["status"];
export type LetterEventType = LetterEvent["type"];
export type SendLetterInput = Schemas["SendLetter"];

/** A letter with its text whatever its status, as the control plane shows it to a test. */
export interface LetterContent extends Letter {
  body: string;
}

export interface SendLetterResult {
  id: string;
  status: "accepted";
  expectedDeliveryDate: string;
  /** True when the gateway answered a retry with the stored first answer. */
  replayed: boolean;
}

export interface ListLettersQuery {
  /** The same words in any order, any case: "Rossi Mario" finds "MARIO ROSSI". */
  name?: string;
  postalCode?: string;
  status?: LetterStatus;
  limit?: number;
}

export interface PostalRequestOptions {
  /** Sent as Idempotency-Key: a retry with the same key creates nothing new. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface WaitForLetterOptions extends ListLettersQuery {
  match?: (letter: LetterSummary) => boolean;
  timeoutMs?: number;
  intervalMs?: number;
}

export interface PostalClientOptions extends GatewayClientOptions {
  /** SIM_ADMIN_TOKEN, for `peek`. */
  adminToken?: string;
}

/** Any answer of the gateway that is not a success: the HTTP status and the problem's stable `code`. */
export class PostalClientError extends GatewayClientError {
  override readonly name = "PostalClientError";
}

export interface PostalClient {
  send(input: SendLetterInput, options?: PostalRequestOptions): Promise<SendLetterResult>;
  list(query?: ListLettersQuery, options?: PostalRequestOptions): Promise<LetterSummary[]>;
  /** The letter with its body and the tracking events that have happened so far. */
  get(id: string, options?: PostalRequestOptions): Promise<Letter>;
  /** GET /__sim/letters/{id}: the letter with its text before it is delivered, for a test that reads a secret on its way. */
  peek(id: string, options?: PostalRequestOptions): Promise<LetterContent>;
  /** The letter rendered as a PDF (once it is delivered; `409 letter-not-delivered` before). */
  pdf(id: string, options?: PostalRequestOptions): Promise<Uint8Array>;
  /** Deletes every letter, or only those to `name`. */
  clear(query?: { name?: string }, options?: PostalRequestOptions): Promise<void>;
  /** Polls the list until a letter matching the query appears (newest first), then returns it in full. */
  waitForLetter(options: WaitForLetterOptions): Promise<Letter>;
}

export function createPostalClient(options: PostalClientOptions): PostalClient {
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: options.headers,
  });
  const fail = (method: string, path: string, error: unknown, res: Response) => {
    const f = failureOf(res, error, method, path);
    return new PostalClientError(f.status, f.code, f.problem, f.message);
  };
  // The control plane is not part of the API's document: plain JSON requests with the admin token.
  const admin = createRequester({
    ...options,
    headers: {
      ...options.headers,
      ...(options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {}),
    },
    toError: (f) => new PostalClientError(f.status, f.code, f.problem, f.message),
  });

  const client: PostalClient = {
    async send(input, opts = {}) {
      const { data, error, response } = await api.POST("/api/v1/letters", {
        body: input,
        params: {
          header: opts.idempotencyKey === undefined ? {} : { "idempotency-key": opts.idempotencyKey },
        },
        signal: opts.signal,
      });
      if (!data) throw fail("POST", "/api/v1/letters", error, response);
      return { ...data, replayed: response.headers.get("idempotent-replayed") === "true" };
    },
    async list(query = {}, opts = {}) {
      const { data, error, response } = await api.GET("/api/v1/letters", {
        params: { query },
        signal: opts.signal,
      });
      if (!data) throw fail("GET", "/api/v1/letters", error, response);
      return data.letters;
    },
    async get(id, opts = {}) {
      const { data, error, response } = await api.GET("/api/v1/letters/{id}", {
        params: { path: { id } },
        signal: opts.signal,
      });
      if (!data) throw fail("GET", `/api/v1/letters/${id}`, error, response);
      return data;
    },
    async peek(id, opts) {
      const res = await admin("GET", `/__sim/letters/${encodeURIComponent(id)}`, undefined, opts);
      return (await res.json()) as LetterContent;
    },
    async pdf(id, opts = {}) {
      const { data, error, response } = await api.GET("/api/v1/letters/{id}.pdf", {
        params: { path: { id } },
        headers: { accept: "application/pdf" },
        parseAs: "arrayBuffer",
        signal: opts.signal,
      });
      if (!data) throw fail("GET", `/api/v1/letters/${id}.pdf`, error, response);
      return new Uint8Array(data);
    },
    async clear(query = {}, opts = {}) {
      const { error, response } = await api.DELETE("/api/v1/letters", {
        params: { query },
        signal: opts.signal,
      });
      if (!response.ok) throw fail("DELETE", "/api/v1/letters", error, response);
    },
    async waitForLetter(wait) {
      const timeoutMs = wait.timeoutMs ?? 10_000;
      const deadline = Date.now() + timeoutMs;
      const { match, timeoutMs: _t, intervalMs, ...query } = wait;
      for (;;) {
        const found = (await client.list(query)).find((l) => !match || match(l));
        if (found) return client.get(found.id);
        if (Date.now() >= deadline) {
          throw new PostalClientError(
            408,
            "wait-timed-out",
            null,
            `no letter matching ${JSON.stringify(query)} within ${timeoutMs} ms`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs ?? 100));
      }
    },
  };
  return client;
}
